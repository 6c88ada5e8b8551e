import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DIFF_PROFILE, flameFrame, SMALL_PROFILE } from './__fixtures__/frames';
import { drawnWidths, renderPanel, resetUrl } from './testing/renderPanel';
import { syntheticColumns } from './model/testColumns';
import { FieldType, toDataFrame } from '@grafana/data';

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

  it('highlights search matches in the graph', async () => {
    renderPanel([flameFrame(SMALL_PROFILE)]);
    await drawnWidths();
    fireEvent.change(screen.getByLabelText('Search functions'), { target: { value: 'slow' } });
    await waitFor(() => expect(fillOf('main.slowFunction')).toBe('rgb(230, 0, 230)'));
    expect(fillOf('main.fastFunction')).not.toBe('rgb(230, 0, 230)');
  });

  it('opens a sandwich view of a function from its context menu, and goes back', async () => {
    renderPanel([flameFrame(SMALL_PROFILE)]);
    await drawnWidths();
    const rect = screen.getByTestId('embers-flamegraph-svg').querySelector('g.frame[name="main.slowFunction"] rect')!;
    fireEvent.contextMenu(rect);
    fireEvent.click(await screen.findByText('Sandwich view (callers and callees)'));
    const sandwich = await screen.findByTestId('embers-sandwich');
    expect(within(sandwich).getByText('Sandwich: main.slowFunction')).toBeInTheDocument();
    expect(within(sandwich).getAllByTestId('embers-flamegraph-svg')).toHaveLength(2);
    fireEvent.click(within(sandwich).getByText('Back to flame graph'));
    await waitFor(() => expect(screen.queryByTestId('embers-sandwich')).toBeNull());
  });

  it('shows the top functions table beside the graph', async () => {
    renderPanel([flameFrame(SMALL_PROFILE)], { showTable: 'beside' });
    await drawnWidths();
    expect(screen.getAllByText('main.slowFunction').length).toBeGreaterThan(0);
  });

  it('draws a 1,000-deep stack, folding what is below the depth cap into a "…" that keeps its samples', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [i, `f${i}`, 1000 - i, 1] as [number, string, number, number]);
    renderPanel([flameFrame(rows)]);
    const widths = await drawnWidths();
    expect(widths.get('f0')).toBeCloseTo(800, 0);
    // 400 levels below the root are drawn; f400 holds 600 samples: 1 of its own, 599 below the cap.
    expect(widths.get('f400')).toBeCloseTo((800 * 600) / 1000, 0);
    expect(widths.has('f401')).toBe(false);
    expect(widths.get('…')).toBeCloseTo((800 * 599) / 1000, 0);
  });

  it('draws a 200,000-node profile as a pruned graph with a "showing N of M" note', async () => {
    const columns = syntheticColumns(200_000);
    const names = Array.from({ length: columns.length }, (_, i) => columns.label(i));
    const frame = toDataFrame({
      name: 'flamegraph',
      fields: [
        { name: 'level', type: FieldType.number, values: Array.from(columns.level) },
        { name: 'value', type: FieldType.number, values: Array.from(columns.value), config: { unit: 'short' } },
        { name: 'self', type: FieldType.number, values: Array.from(columns.self) },
        { name: 'label', type: FieldType.string, values: names },
      ],
    });
    renderPanel([frame]);
    const widths = await drawnWidths();
    expect(widths.get('total')).toBeCloseTo(800, 0);
    expect(await screen.findByTestId('embers-pruned-note')).toHaveTextContent(/Showing [\d,]+ of 200,000 frames/);
    expect(screen.getByTestId('embers-flamegraph-svg').querySelectorAll('g.frame').length).toBeLessThan(9000);
  });
});
