import {
  DIFF_PALETTE_COLORBLIND,
  diffChange,
  diffColor,
  packageColor,
  packageOf,
  relativeChange,
  selfColor,
} from './colors';

const rgb = (color: string) => color.match(/\d+/g)!.map(Number);

describe('packageOf', () => {
  it.each([
    ['github.com/grafana/pyroscope/pkg/querier.(*Querier).Select', 'github.com/grafana/pyroscope/pkg/querier'],
    ['runtime.mallocgc', 'runtime'],
    ['main.slowFunction.func1', 'main'],
    ['std::vector<int>::push_back', 'std::vector<int>'],
    ['com.example.shop.Cart.add', 'com.example.shop.Cart'],
    ['total', 'total'],
    ['a/b.c::d', 'a/b.c'],
    ['a.B.c', 'a.B'],
    ['pkg/.func', 'pkg'],
    ['github.com/x/y', 'github.com/x'],
    ['::y', '::y'],
  ])('%s → %s', (name, pkg) => {
    expect(packageOf(name)).toBe(pkg);
  });
});

describe('packageColor', () => {
  it('gives every function of a package the same colour, stable across calls', () => {
    expect(packageColor('runtime.mallocgc')).toBe(packageColor('runtime.newobject'));
    expect(packageColor('runtime.mallocgc')).toBe('hsl(315, 48%, 76%)');
  });

  it('gives different packages different colours', () => {
    expect(packageColor('runtime.mallocgc')).not.toBe(packageColor('main.work'));
  });

  it('uses at most 720 colours however many packages there are (a canvas sets each once)', () => {
    const colors = new Set(Array.from({ length: 5000 }, (_, i) => packageColor(`github.com/acme/pkg${i}.Run`)));
    expect(colors.size).toBeGreaterThan(300);
    expect(colors.size).toBeLessThanOrEqual(720);
  });
});

describe('diff colours', () => {
  it('normalises each side by its own total', () => {
    // 20 of 100 on the left, 80 of 200 on the right: the share grew from 20 % to 40 %.
    expect(diffChange(20, 100, 80, 200)).toBeCloseTo(0.2);
    // Doubling both sides' totals keeps the share: no change.
    expect(diffChange(40, 100, 80, 200)).toBeCloseTo(0);
    expect(relativeChange(20, 100, 80, 200)).toBeCloseTo(0.5);
    expect(relativeChange(10, 100, 0, 200)).toBe(-1);
  });

  it('is red for grew, green for shrank and grey for no change', () => {
    const [r1, g1] = rgb(diffColor(1));
    expect(r1).toBeGreaterThan(g1);
    const [r2, g2] = rgb(diffColor(-1));
    expect(g2).toBeGreaterThan(r2);
    expect(diffColor(0)).toBe('rgb(190, 190, 190)');
  });

  it('uses orange and blue in the colour-blind palette', () => {
    expect(diffColor(1, DIFF_PALETTE_COLORBLIND)).toBe('rgb(230, 120, 0)');
    expect(diffColor(-1, DIFF_PALETTE_COLORBLIND)).toBe('rgb(30, 110, 220)');
  });

  it('never produces NaN colours', () => {
    expect(diffColor(NaN)).toBe('rgb(190, 190, 190)');
    expect(selfColor(5, 0)).not.toContain('NaN');
  });
});

describe('selfColor', () => {
  it('is redder for frames that spend their own time', () => {
    const hue = (c: string) => Number(/hsl\(([\d.]+)/.exec(c)![1]);
    expect(hue(selfColor(100, 100))).toBeLessThan(hue(selfColor(0, 100)));
  });
});
