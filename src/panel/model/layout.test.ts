import { SMALL_PROFILE } from '../__fixtures__/frames';
import { chartTree, ChartNode, isLabelled } from './chartTree';
import { buildFlameIndex } from './flameIndex';
import { boxAt, FlameBox, FlameLayout, layoutFlame, LayoutOptions } from './layout';
import { columnsFromRows, syntheticColumns } from './testColumns';

const base: LayoutOptions = { focus: -1, widthPx: 1000, minFramePx: 1, maxDepth: 400, maxAncestors: 12 };

const rows = SMALL_PROFILE;
const index = buildFlameIndex(columnsFromRows(rows));
const nameOf = (layout: FlameLayout) => (box: FlameBox) => (box.row >= 0 ? index.columns.label(box.row) : box.kind);
const frames = (layout: FlameLayout, depth: number) =>
  (layout.byDepth[depth] ?? []).map((id) => layout.boxes[id]).map((b) => (b.row >= 0 ? rows[b.row][1] : b.kind));

describe('layoutFlame', () => {
  it('lays out every frame when all are wide enough, each at its true place', () => {
    const layout = layoutFlame(index, base);
    expect(layout.drawn).toBe(10);
    expect(layout.visible).toBe(10);
    expect(frames(layout, 2)).toEqual(['main.slowFunction', 'main.fastFunction', 'main.tiny1', 'main.tiny2', 'main.tiny3', 'main.tiny4', 'main.tiny5']);
    const fast = layout.boxes.find((b) => b.row === 3)!;
    // After slowFunction's 60 samples of 100, at 10 px a sample.
    expect(fast.x).toBeCloseTo(600);
    expect(fast.w).toBeCloseTo(150);
    const idle = layout.boxes.find((b) => b.row === 9)!;
    expect(idle.x).toBeCloseTo(900);
  });

  it('keeps narrow siblings as one gap at their place that carries their samples', () => {
    // 1 sample of 100 at 200 px is 2 px: below a 3 px minimum.
    const layout = layoutFlame(index, { ...base, widthPx: 200, minFramePx: 3 });
    expect(frames(layout, 2)).toEqual(['main.slowFunction', 'main.fastFunction', 'gap']);
    const gap = layout.boxes[layout.byDepth[2][2]];
    expect(gap.value).toBe(5);
    expect(gap.hidden).toBe(5);
    expect(gap.x).toBeCloseTo(150);
    expect(gap.w).toBeCloseTo(10);
    expect(layout.drawn).toBe(5);
    // They are 2 px wide, so a complete drawing at 1 px would show them.
    expect(layout.visible).toBe(10);
  });

  it('counts a frame drawn only when at least 1 px wide: drawn equals visible at the default', () => {
    const layout = layoutFlame(index, { ...base, widthPx: 150 });
    expect(frames(layout, 2)).toEqual(['main.slowFunction', 'main.fastFunction', 'main.tiny1', 'main.tiny2', 'main.tiny3', 'main.tiny4', 'main.tiny5']);
    const narrow = layoutFlame(index, { ...base, widthPx: 50 });
    expect(frames(narrow, 2)).toEqual(['main.slowFunction', 'main.fastFunction', 'gap']);
    expect(narrow.drawn).toBe(narrow.visible);
  });

  it('draws the path to the focus at full width and the focus subtree below it', () => {
    const layout = layoutFlame(index, { ...base, focus: 2 });
    expect(layout.chainLength).toBe(3);
    expect(layout.boxes.slice(0, 3).map((b) => [b.kind, b.w, b.value])).toEqual([
      ['ancestor', 1000, 60],
      ['ancestor', 1000, 60],
      ['frame', 1000, 60],
    ]);
    expect(layout.drawn).toBe(3);
  });

  it('lays out again against the focus: frames too narrow for the whole graph are drawn once focused', () => {
    const whole = layoutFlame(index, { ...base, widthPx: 100, minFramePx: 1.05 });
    expect(whole.drawn).toBe(5);
    const focused = layoutFlame(index, { ...base, widthPx: 100, minFramePx: 1.05, focus: 1 });
    expect(focused.drawn).toBe(9);
  });

  it('spreads a focused gap across the width: its narrow frames side by side under the path', () => {
    const layout = layoutFlame(index, { ...base, focus: 1, focusGroup: true, widthPx: 100, minFramePx: 2 });
    expect(layout.viewValue).toBe(5);
    expect(layout.boxes.slice(0, layout.chainLength).map((b) => b.kind)).toEqual(['ancestor', 'ancestor', 'group']);
    expect(frames(layout, 3)).toEqual(['main.tiny1', 'main.tiny2', 'main.tiny3', 'main.tiny4', 'main.tiny5']);
    expect(layout.boxes[layout.byDepth[3][4]].x).toBeCloseTo(80);
  });

  it('finds the box under a point, narrow ones included', () => {
    const layout = layoutFlame(index, base);
    expect(layout.boxes[boxAt(layout, 905, 1)].row).toBe(9);
    expect(layout.boxes[boxAt(layout, 772, 2)].row).toBe(6); // tiny3: 770–780 px
    expect(boxAt(layout, 999, 2)).toBe(-1); // runtime.idle has no children
    expect(boxAt(layout, 10, 7)).toBe(-1);
  });

  it('spans several roots with a synthetic root', () => {
    const multi = buildFlameIndex(columnsFromRows([[0, 'a', 3, 3], [0, 'b', 1, 1]]));
    const layout = layoutFlame(multi, base);
    expect(layout.boxes[0].kind).toBe('root');
    expect(layout.boxes[0].value).toBe(4);
    expect(layout.drawn).toBe(2);
  });

  it('cuts a 1,000-deep stack at the depth limit into one box that keeps the samples', () => {
    const deep = Array.from({ length: 1000 }, (_, i) => [i, `f${i}`, 1000 - i, 1] as [number, string, number, number]);
    const deepIndex = buildFlameIndex(columnsFromRows(deep));
    const layout = layoutFlame(deepIndex, { ...base, maxDepth: 300 });
    expect(layout.drawn).toBe(301);
    const cut = layout.boxes.find((b) => b.kind === 'deeper')!;
    expect(cut.value).toBe(699);
    expect(cut.parentRow).toBe(300);
    // Every one of the 1,000 frames is at least 1 px: the count says what the limit hid.
    expect(layout.visible).toBe(1000);
  });

  it('folds the path above a deep focus, keeping the root and the nearest callers', () => {
    const deep = Array.from({ length: 5001 }, (_, i) => [i, `f${i}`, 5001 - i, 1] as [number, string, number, number]);
    const deepIndex = buildFlameIndex(columnsFromRows(deep));
    const layout = layoutFlame(deepIndex, { ...base, focus: 4700, maxDepth: 400 });
    const chain = layout.boxes.slice(0, layout.chainLength);
    expect(chain.length).toBe(12);
    expect(chain[0].row).toBe(0);
    expect(chain[1]).toMatchObject({ kind: 'collapsed', row: 4690, hidden: 4690 });
    expect(chain[11]).toMatchObject({ kind: 'frame', row: 4700 });
    // The leaf is within the depth limit of this focus: drawn.
    expect(layout.boxes.some((b) => b.row === 5000)).toBe(true);
  });
});

describe('chartTree', () => {
  const sum = (nodes: ChartNode[] = []) => nodes.reduce((s, n) => s + n.value, 0);

  it('hands d3-flame-graph the labelled frames only, with spacers that keep their places', () => {
    const layout = layoutFlame(index, { ...base, widthPx: 400 });
    const tree = chartTree(layout, nameOf(layout), () => '#fff')!;
    const main = tree.children![0];
    expect(main.name).toBe('main.main');
    // slowFunction (240 px) and fastFunction (60 px) carry labels; the tiny ones go to the canvas.
    expect(main.children!.map((c) => c.name)).toEqual(['main.slowFunction', 'main.fastFunction']);
    expect(tree.children!.map((c) => c.name)).toEqual(['main.main', 'runtime.idle']);
    expect(layout.boxes.filter((b) => !isLabelled(b)).map(nameOf(layout))).toEqual([
      'main.tiny1',
      'main.tiny2',
      'main.tiny3',
      'main.tiny4',
      'main.tiny5',
    ]);
  });

  it('puts a spacer where narrow frames sit between labelled ones', () => {
    const withMiddle = buildFlameIndex(
      columnsFromRows([
        [0, 'total', 100, 0],
        [1, 'a', 40, 40],
        [1, 'narrow', 1, 1],
        [1, 'b', 59, 59],
      ])
    );
    const layout = layoutFlame(withMiddle, { ...base, widthPx: 500 });
    const tree = chartTree(layout, (b) => (b.row >= 0 ? withMiddle.columns.label(b.row) : ''), () => '#fff')!;
    expect(tree.children!.map((c) => [c.name, Math.round(c.value)])).toEqual([
      ['a', 40],
      ['', 1],
      ['b', 59],
    ]);
    expect(sum(tree.children)).toBeCloseTo(100);
  });

  it('draws a few thousand frames of 50,000 nodes, each inside its parent', () => {
    const big = buildFlameIndex(syntheticColumns(50_000));
    const layout = layoutFlame(big, { ...base, widthPx: 1200 });
    expect(layout.drawn).toBeGreaterThan(100);
    expect(layout.drawn).toBe(layout.visible);
    const outside = layout.boxes.filter((box) => {
      const parent = layout.boxes[box.parent];
      return (
        parent &&
        (box.x < parent.x - 1e-6 || box.x + box.w > parent.x + parent.w + 1e-6 || box.depth !== parent.depth + 1)
      );
    });
    expect(outside).toEqual([]);
  });
});
