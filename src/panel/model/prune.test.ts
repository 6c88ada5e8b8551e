import { SMALL_PROFILE } from '../__fixtures__/frames';
import { buildFlameIndex } from './flameIndex';
import { DrawNode, FOLDED_NAME, pruneTree, PruneOptions } from './prune';
import { columnsFromRows, syntheticColumns } from './testColumns';

const base: PruneOptions = { focus: -1, widthPx: 1000, minFramePx: 1, maxDepth: 400, maxFrames: 4000 };

function walk(node: DrawNode, visit: (node: DrawNode, depth: number) => void, depth = 0) {
  const stack: Array<[DrawNode, number]> = [[node, depth]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    visit(n, d);
    n.children?.forEach((c) => stack.push([c, d + 1]));
  }
}

const childSum = (node: DrawNode) => (node.children ?? []).reduce((sum, c) => sum + c.value, 0);

describe('pruneTree', () => {
  const rows = SMALL_PROFILE;
  const index = buildFlameIndex(columnsFromRows(rows));

  it('keeps every frame when all are wide enough', () => {
    const { root, drawn, total } = pruneTree(index, { ...base, widthPx: 1000 });
    expect(drawn).toBe(10);
    expect(total).toBe(10);
    expect(root.name).toBe('total');
    expect(root.value).toBe(100);
  });

  it('folds frames narrower than the minimum into one "…" per parent that carries their samples', () => {
    // 1 sample of 100 at 200 px is 2 px: below a 3 px minimum.
    const { root, drawn, total } = pruneTree(index, { ...base, widthPx: 200, minFramePx: 3 });
    const main = root.children![0];
    const names = main.children!.map((c) => c.name);
    expect(names).toEqual(['main.slowFunction', 'main.fastFunction', FOLDED_NAME]);
    const folded = main.children![2];
    expect(folded.value).toBe(5);
    expect(folded.hidden).toBe(5);
    expect(drawn).toBe(6);
    expect(total).toBe(10);
  });

  it('preserves widths and self values: each parent minus its children is its own self', () => {
    const { root } = pruneTree(index, { ...base, widthPx: 200, minFramePx: 3 });
    walk(root, (node) => {
      if (node.row >= 0 && node.children) {
        expect(node.value - childSum(node)).toBe(rows[node.row][3]);
      }
    });
    expect(childSum(root)).toBe(100);
  });

  it('draws the path to the focus at the focus width and the focus subtree below it', () => {
    const { root, total } = pruneTree(index, { ...base, focus: 2 });
    expect(root.fade).toBe(true);
    expect(root.value).toBe(60);
    const main = root.children![0];
    expect(main.name).toBe('main.main');
    expect(main.kind).toBe('ancestor');
    expect(main.children!.map((c) => c.name)).toEqual(['main.slowFunction']);
    expect(total).toBe(3);
  });

  it('re-prunes against the focus: frames too narrow for the whole graph are drawn once focused', () => {
    // At 100 px the tiny helpers are 1 px wide: under a 1.05 px minimum they fold. Focused on
    // main.main (90 samples across 100 px) they are 1.11 px wide and are drawn.
    const whole = pruneTree(index, { ...base, widthPx: 100, minFramePx: 1.05 });
    expect(whole.drawn).toBe(6);
    const focused = pruneTree(index, { ...base, widthPx: 100, minFramePx: 1.05, focus: 1 });
    expect(focused.drawn).toBe(9);
  });

  it('spreads a focused "…" across the width: its narrow frames drawn side by side, the path above', () => {
    const { root, drawn } = pruneTree(index, { ...base, focus: 1, focusGroup: true, widthPx: 100, minFramePx: 2 });
    expect(root.value).toBe(5);
    const main = root.children![0];
    expect(main.kind).toBe('ancestor');
    const group = main.children![0];
    expect(group.kind).toBe('group');
    expect(group.children!.map((c) => c.name)).toEqual(['main.tiny1', 'main.tiny2', 'main.tiny3', 'main.tiny4', 'main.tiny5']);
    expect(childSum(group)).toBe(5);
    expect(drawn).toBe(8);
  });

  it('marks search matches on the frames it draws', () => {
    const { root } = pruneTree(index, { ...base, isMatch: (name) => name.includes('Function') });
    const matched: string[] = [];
    walk(root, (node) => node.highlight && matched.push(node.name));
    expect(matched.sort()).toEqual(['main.fastFunction', 'main.slowFunction']);
  });

  it('draws a lone root', () => {
    const single = buildFlameIndex(columnsFromRows([[0, 'total', 5, 5]]));
    const { root, drawn } = pruneTree(single, base);
    expect(root.name).toBe('total');
    expect(root.children).toBeUndefined();
    expect(drawn).toBe(1);
  });

  it('spans several roots with a synthetic root', () => {
    const multi = buildFlameIndex(columnsFromRows([[0, 'a', 3, 3], [0, 'b', 1, 1]]));
    const { root } = pruneTree(multi, base);
    expect(root.row).toBe(-1);
    expect(root.value).toBe(4);
    expect(root.children!.map((c) => c.name)).toEqual(['a', 'b']);
  });

  it('caps a 1,000-deep stack and folds the rest into a "…" that keeps the samples', () => {
    const deep = Array.from({ length: 1000 }, (_, i) => [i, `f${i}`, 1000 - i, 1] as [number, string, number, number]);
    const deepIndex = buildFlameIndex(columnsFromRows(deep));
    const { root, drawn } = pruneTree(deepIndex, { ...base, maxDepth: 300 });
    expect(drawn).toBe(302);
    let maxDepth = 0;
    let cut: DrawNode | undefined;
    walk(root, (node, depth) => {
      maxDepth = Math.max(maxDepth, depth);
      if (node.kind === 'deeper') {
        cut = node;
      }
    });
    expect(maxDepth).toBe(301);
    expect(cut!.value).toBe(699);
  });

  it('hands d3-flame-graph a few thousand frames from 1,000,000 nodes, widths intact', () => {
    const big = buildFlameIndex(syntheticColumns(1_000_000));
    const { root, drawn, total } = pruneTree(big, { ...base, widthPx: 1200 });
    expect(total).toBe(1_000_000);
    expect(drawn).toBeLessThanOrEqual(4000);
    expect(drawn).toBeGreaterThan(100);
    let nodes = 0;
    walk(root, (node) => {
      nodes++;
      expect(node.value).toBeGreaterThan(0);
      if (node.children) {
        expect(childSum(node)).toBeLessThanOrEqual(node.value);
      }
    });
    expect(nodes).toBe(drawn);
    expect(childSum(root)).toBe(big.width[0]);
  });
});
