import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DIFF_PROFILE, flameFrame, SMALL_PROFILE } from './__fixtures__/frames';
import { DIMMED_COLOR } from '../shared/colors';
import { drawnWidths, frameCentre, renderPanel, resetUrl } from './testing/renderPanel';

beforeEach(resetUrl);

const fillOf = (name: string) =>
  screen.getByTestId('embers-flamegraph-svg').querySelector(`g.frame[name="${name}"] rect`)!.getAttribute('fill')!;
const rgb = (color: string) => color.match(/\d+/g)!.map(Number);

describe('FlameGraphPanel interactions', () => {
  it('switches between flame and icicle through the panel options', async () => {
    const { props } = renderPanel([flameFrame(SMALL_PROFILE)]);
    await drawnWidths();
    fireEvent.click(screen.getByLabelText('Icicle'));
    expect(props.onOptionsChange).toHaveBeenCalledWith(expect.objectContaining({ mode: 'icicle' }));
    // The options never change here (as in Explore): the switch holds all the same.
    expect(screen.getByLabelText('Icicle')).toHaveAttribute('aria-pressed', 'true');
  });

  it('puts the root on top in icicle mode and at the bottom in flame mode', async () => {
    const y = (name: string) => {
      const g = screen.getByTestId('embers-flamegraph-svg').querySelector(`g.frame[name="${name}"]`)!;
      return Number(/translate\([^,]+,([-\d.]+)\)/.exec(g.getAttribute('transform')!)![1]);
    };
    const flame = renderPanel([flameFrame(SMALL_PROFILE)], { mode: 'flame' });
    await drawnWidths();
    expect(y('total')).toBeGreaterThan(y('main.slowFunction'));
    flame.unmount();
    renderPanel([flameFrame(SMALL_PROFILE)], { mode: 'icicle' });
    await drawnWidths();
    expect(y('total')).toBeLessThan(y('main.slowFunction'));
  });

  it('colours a diff: red where the share grew, green where it shrank, grey where it held', async () => {
    renderPanel([flameFrame(DIFF_PROFILE)]);
    await drawnWidths();
    const [gr, gg] = rgb(fillOf('grew'));
    expect(gr).toBeGreaterThan(gg);
    const [sr, sg] = rgb(fillOf('shrank'));
    expect(sg).toBeGreaterThan(sr);
    expect(fillOf('same')).toBe('rgb(190, 190, 190)');
  });

  it('uses orange and blue for a diff in the colour-blind palette', async () => {
    renderPanel([flameFrame(DIFF_PROFILE)], { colorBlind: true });
    await drawnWidths();
    const [r, , b] = rgb(fillOf('grew'));
    expect(r).toBeGreaterThan(b);
    const [r2, , b2] = rgb(fillOf('shrank'));
    expect(b2).toBeGreaterThan(r2);
  });

  it('dims everything a search does not match; matches keep their colour', async () => {
    renderPanel([flameFrame(SMALL_PROFILE)]);
    await drawnWidths();
    const slowBefore = fillOf('main.slowFunction');
    fireEvent.change(screen.getByLabelText('Search functions'), { target: { value: 'slow' } });
    await waitFor(() => expect(fillOf('main.fastFunction')).toBe(DIMMED_COLOR));
    expect(fillOf('main.slowFunction')).toBe(slowBefore);
    expect(fillOf('main.main')).toBe(DIMMED_COLOR);
  });

  it('opens a sandwich view of a function from its context menu, and goes back', async () => {
    renderPanel([flameFrame(SMALL_PROFILE)]);
    await drawnWidths();
    const slow = screen.getByTestId('embers-flamegraph-svg').querySelector('g.frame[name="main.slowFunction"]')!;
    fireEvent.contextMenu(slow.querySelector('rect')!, frameCentre(slow));
    fireEvent.click(await screen.findByText('Sandwich view (callers and callees)'));
    const sandwich = await screen.findByTestId('embers-sandwich');
    expect(within(sandwich).getByText('Sandwich: main.slowFunction')).toBeInTheDocument();
    await waitFor(() => expect(within(sandwich).getAllByTestId('embers-flamegraph-svg')).toHaveLength(2));
    fireEvent.click(within(sandwich).getByText('Back to flame graph'));
    await waitFor(() => expect(screen.queryByTestId('embers-sandwich')).toBeNull());
  });

  it("copies a frame's function name from its context menu", async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPanel([flameFrame(SMALL_PROFILE)]);
    await drawnWidths();
    const slow = screen.getByTestId('embers-flamegraph-svg').querySelector('g.frame[name="main.slowFunction"]')!;
    fireEvent.contextMenu(slow.querySelector('rect')!, frameCentre(slow));
    fireEvent.click(await screen.findByText('Copy function name'));
    expect(writeText).toHaveBeenCalledWith('main.slowFunction');
  });

  it('shows the top functions table beside the graph', async () => {
    renderPanel([flameFrame(SMALL_PROFILE)], { showTable: 'beside' });
    await drawnWidths();
    expect(screen.getAllByText('main.slowFunction').length).toBeGreaterThan(0);
  });

  it('draws a 1,000-deep stack down to the depth limit and says how many frames are beyond it', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [i, `f${i}`, 1000 - i, 1] as [number, string, number, number]);
    renderPanel([flameFrame(rows)]);
    const widths = await drawnWidths();
    expect(widths.get('f0')).toBeCloseTo(800, 0);
    // 400 levels below the root are drawn; f400 holds 600 samples.
    expect(widths.get('f400')).toBeCloseTo((800 * 600) / 1000, 0);
    expect(widths.has('f401')).toBe(false);
    const root = screen.getByTestId('embers-flamegraph');
    expect(root).toHaveAttribute('data-drawn-frames', '401');
    // f999 holds 1 sample of 1,000 over 800 px: under 1 px, not visible.
    expect(root).toHaveAttribute('data-visible-frames', '999');
    expect(screen.getByTestId('embers-pruned-note')).toHaveTextContent('Showing 401 of 999 frames');
  });
});
