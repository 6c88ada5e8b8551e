import { fireEvent, screen, waitFor } from '@testing-library/react';
import { flameFrame, SMALL_PROFILE } from './__fixtures__/frames';
import { downloadText, exportSvg } from './export';
import { drawnWidths, renderPanel, resetUrl } from './testing/renderPanel';

jest.mock('./export', () => ({
  ...jest.requireActual('./export'),
  downloadText: jest.fn(),
  exportSvg: jest.fn(),
}));

beforeEach(resetUrl);

describe('FlameGraphPanel export menu', () => {
  it('saves the drawn svg with the frames painted on the canvas in it', async () => {
    let narrowInFile = -1;
    (exportSvg as jest.Mock).mockImplementation((svg: SVGSVGElement) => {
      narrowInFile = svg.querySelectorAll('g.embers-narrow rect').length;
    });
    renderPanel([flameFrame(SMALL_PROFILE)]);
    await drawnWidths();
    fireEvent.click(screen.getByLabelText('Export'));
    fireEvent.click(await screen.findByText('SVG image'));
    await waitFor(() => expect(exportSvg).toHaveBeenCalled());
    const [svg, fileName] = (exportSvg as jest.Mock).mock.calls[0];
    expect(svg).toBe(screen.getByTestId('embers-flamegraph-svg'));
    expect(fileName).toBe('Flame_graph.svg');
    // The five 8 px frames too narrow for a label, as rects under the labelled ones; out again after.
    expect(narrowInFile).toBe(5);
    expect(svg.querySelector('g.embers-narrow')).toBeNull();
  });

  it('saves the whole profile as folded stacks', async () => {
    renderPanel([flameFrame(SMALL_PROFILE)]);
    await drawnWidths();
    fireEvent.click(screen.getByLabelText('Export'));
    fireEvent.click(await screen.findByText('Folded stacks'));
    await waitFor(() => expect(downloadText).toHaveBeenCalled());
    const [text, fileName] = (downloadText as jest.Mock).mock.calls[0];
    expect(text).toContain('main.main;main.slowFunction 60');
    expect(fileName).toBe('Flame_graph.folded.txt');
  });
});
