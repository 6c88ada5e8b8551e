// The flame graph's drawing and input in Chromium: every visible frame drawn (labelled
// ones in SVG, the rest on one canvas), canvas frames hit-tested, keyboard navigation,
// focus links that survive any name, a regex that can't freeze the page, a 5,000-deep stack.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PANEL, SVG, TOOLTIP } from '../lib/flame.mjs';
import { HANG_TIMEOUT_MS } from '../lib/browser.mjs';
import { baseUrl, openPage, useBrowser } from '../lib/harness.mjs';

const CANVAS = '[data-testid="embers-flamegraph-canvas"]';
const CELL = 20; // bar height at the default text size

describe('flame graph drawing and input', () => {
  const page = useBrowser({ width: 1300, height: 900 });
  const root = () => page().locator(PANEL);
  const focusName = () => root().getAttribute('data-focus');

  /** Page coordinates of a point `x` px into the graph at `depth`, root at the bottom (flame mode). */
  async function graphPoint(x, depth) {
    const box = await page().locator(CANVAS).boundingBox();
    return { x: box.x + x, y: box.y + box.height - (depth + 0.5) * CELL };
  }

  it('draws every frame of 1 px or more of a wide profile, most of them on the canvas', async () => {
    await openPage(page(), 'panel', { wide: 100000 }, `${SVG} g.frame`);
    assert.equal(await root().getAttribute('data-visible-frames'), '4951');
    assert.equal(await root().getAttribute('data-drawn-frames'), '4951');
    // A tower frame 10 levels up is on the canvas: its pixels are painted, not the background.
    const { x, y } = await graphPoint(4, 10);
    const painted = await page().evaluate(
      ({ selector, x, y }) => {
        const canvas = document.querySelector(selector);
        const box = canvas.getBoundingClientRect();
        const [r, g, b, a] = canvas.getContext('2d').getImageData(x - box.left, y - box.top, 1, 1).data;
        return { r, g, b, a };
      },
      { selector: CANVAS, x, y }
    );
    assert.ok(painted.a > 0, `painted at ${x},${y}: ${JSON.stringify(painted)}`);
  });

  it('paints the first frame on the canvas alone, labels included, then hands the labelled frames to the SVG', async () => {
    // Idle callbacks are held, so the moment before the SVG mounts can be looked at.
    const first = await page().context().newPage();
    try {
      await first.addInitScript(() => {
        window.__heldIdle = [];
        window.requestIdleCallback = (task) => window.__heldIdle.push(task);
        window.cancelIdleCallback = () => {};
      });
      await first.goto(`${baseUrl()}/panel.html?frame=workload-cpu`);
      await first.waitForFunction(() => window.__heldIdle.length >= 2, null, { timeout: HANG_TIMEOUT_MS });
      assert.equal(await first.locator(SVG).count(), 0, 'no SVG before the first paint is on screen');
      // The root (depth 0, the whole width) and its label "total" are on the canvas.
      const rootRow = (x) =>
        first.evaluate(
          ({ selector, x, cell }) => {
            const canvas = document.querySelector(selector);
            const ctx = canvas.getContext('2d');
            const ratio = canvas.width / canvas.getBoundingClientRect().width;
            const y = Math.floor((canvas.getBoundingClientRect().height - cell / 2) * ratio);
            return Array.from(ctx.getImageData(Math.floor(x * ratio), y, Math.ceil(60 * ratio), 1).data);
          },
          { selector: CANVAS, x, cell: CELL }
        );
      const pixels = await rootRow(0);
      const rgba = (i) => pixels.slice(i * 4, i * 4 + 4);
      const count = pixels.length / 4;
      assert.ok(rgba(1)[3] > 0, `the root is painted: ${rgba(1)}`);
      const dark = Array.from({ length: count }, (_, i) => rgba(i)).filter(([r, g, b, a]) => a > 0 && r + g + b < 200);
      assert.ok(dark.length > 3, 'the root\'s label is drawn in dark text on the canvas');

      await first.evaluate(() => window.__heldIdle.splice(0).forEach((task) => task({ didTimeout: false, timeRemaining: () => 50 })));
      await first.waitForSelector(`${SVG} g.frame[name="total"]`);
      assert.equal(await first.locator(`${SVG} g.frame[name="total"] .d3-flame-graph-label`).textContent(), 'total');
      const after = await rootRow(0);
      assert.equal(after[7], 0, 'the canvas leaves the labelled root to the SVG');
    } finally {
      await first.close();
    }
  });

  it('shows the tooltip of a canvas-drawn frame on hover and focuses it on click', async () => {
    await openPage(page(), 'panel', { wide: 100000 }, `${SVG} g.frame`);
    const name = 'github.com/acme/host0/internal/stage5/pkg0.(*Worker0).step5';
    const { x, y } = await graphPoint(3, 5);
    await page().mouse.move(x, y);
    const tooltip = page().locator(TOOLTIP);
    await tooltip.waitFor({ state: 'visible' });
    assert.ok((await tooltip.textContent()).startsWith(name), await tooltip.textContent());
    await page().mouse.click(x, y);
    await page().waitForFunction((n) => document.querySelector('[data-testid="embers-flamegraph"]').dataset.focus === n, name);
    // Focused, it spans the graph and is wide enough for a labelled SVG frame.
    const svgWidth = (await page().locator(SVG).boundingBox()).width;
    const frame = page().locator(`${SVG} g.frame[name="${name}"] rect`);
    await page().waitForFunction(
      ({ sel, w }) => document.querySelector(sel)?.getBoundingClientRect().width > w * 0.95,
      { sel: `${SVG} g.frame[name="${name}"] rect`, w: svgWidth }
    );
    assert.ok((await frame.boundingBox()).width > svgWidth * 0.95);
  });

  it('works with a no-op onOptionsChange (Explore): mode, view and colour scheme still switch', async () => {
    await openPage(page(), 'panel', { frame: 'workload-cpu', noop: 1 }, `${SVG} g.frame`);
    const y = async (name) => (await page().locator(`${SVG} g.frame[name="${name}"] rect`).first().boundingBox()).y;
    assert.ok((await y('total')) > (await y('main.work')), 'flame: root at the bottom');
    await page().getByRole('button', { name: 'Icicle' }).click();
    await page().waitForFunction(() => document.querySelector('button[aria-label="Icicle"]').getAttribute('aria-pressed') === 'true');
    await page().waitForFunction(
      (svg) => {
        const at = (n) => document.querySelector(`${svg} g.frame[name="${n}"] rect`).getBoundingClientRect().y;
        return at('total') < at('main.work');
      },
      SVG
    );
    const fillBefore = await page().locator(`${SVG} g.frame[name="main.work"] rect`).first().getAttribute('fill');
    await page().getByRole('button', { name: 'Colour scheme' }).click();
    await page().getByRole('menuitem', { name: 'By self share' }).click();
    await page().waitForFunction(
      ({ svg, before }) => document.querySelector(`${svg} g.frame[name="main.work"] rect`).getAttribute('fill') !== before,
      { svg: SVG, before: fillBefore }
    );
    await page().getByRole('radio', { name: 'Table' }).click();
    await page().locator('[role="table"]').waitFor();
    assert.equal(await page().locator(SVG).count(), 0, 'the table alone');
  });

  it('moves between frames with the arrow keys, focuses with Enter and resets with Escape', async () => {
    await openPage(page(), 'panel', { frame: 'workload-cpu' }, `${SVG} g.frame`);
    await root().focus();
    await page().keyboard.press('ArrowUp');
    const cursor = page().getByTestId('embers-flamegraph-cursor');
    await cursor.waitFor();
    assert.equal(await cursor.textContent(), 'total');
    const outline = await cursor.evaluate((el) => getComputedStyle(el).outlineStyle);
    assert.equal(outline, 'solid', 'a visible focus ring');
    await page().keyboard.press('ArrowUp'); // the widest child of the root
    await page().keyboard.press('ArrowUp');
    const name = await cursor.textContent();
    assert.notEqual(name, 'total');
    await page().keyboard.press('Enter');
    await page().waitForFunction((n) => document.querySelector('[data-testid="embers-flamegraph"]').dataset.focus === n, name);
    await page().keyboard.press('Escape');
    await page().waitForFunction(() => document.querySelector('[data-testid="embers-flamegraph"]').dataset.focus === 'total');
  });

  it('focuses a name holding ";" and restores it from the link, telling it apart from a look-alike stack', async () => {
    await openPage(page(), 'panel', { frame: 'semicolons' }, `${SVG} g.frame`);
    const name = 'pkg.Map[K;V].Get';
    const frame = page().locator(`${SVG} g.frame[name="${name}"] rect`);
    await frame.click();
    await page().waitForFunction((n) => document.querySelector('[data-testid="embers-flamegraph"]').dataset.focus === n, name);
    // The panel writes its URL once the focus is painted and the browser is idle.
    await page().waitForURL(/flameFocus/);
    const link = page().url();
    assert.ok(link.length < 300, link);
    await page().goto(link);
    await page().waitForSelector(`${SVG} g.frame`);
    assert.equal(await focusName(), name);
    assert.equal(await page().locator(`${SVG} g.frame[name="V].Get"]`).count(), 0, 'the look-alike stack is not shown');
    // A frame literally named "…" focuses too.
    await page().getByRole('button', { name: 'Reset focus' }).click();
    await page().locator(`${SVG} g.frame[name="…"] rect`).click();
    await page().waitForFunction(() => document.querySelector('[data-testid="embers-flamegraph"]').dataset.focus === '…');
  });

  it('keeps the page answering clicks while a catastrophic regex from a link runs, then says it was stopped', async () => {
    await page().addInitScript(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          window.__longest = Math.max(window.__longest, e.duration);
        }
      }).observe({ type: 'longtask', buffered: true });
    });
    await openPage(page(), 'panel', { frame: 'catastrophic-regex', 'flameSearch-1': '(a+)+$', 'flameRegex-1': 'true' }, `${SVG} g.frame`);
    await page().getByTestId('embers-search-pending').waitFor();
    await page().evaluate(() => (window.__longest = 0)); // from here on: while the search runs
    // The page answers a click while the search runs: the longest main-thread task bounds how long one waits.
    await page().getByRole('button', { name: 'Icicle' }).click();
    await page().waitForFunction(() => document.querySelector('button[aria-label="Icicle"]').getAttribute('aria-pressed') === 'true');
    assert.equal(await page().getByTestId('embers-search-pending').count(), 1, 'the search is still running');
    const longest = await page().evaluate(() => window.__longest);
    assert.ok(longest < 200, `the longest task took ${longest} ms`);
    await page().getByRole('alert').filter({ hasText: 'takes too long' }).waitFor({ timeout: 20000 });
  });

  it('reaches the leaf of a 5,000-deep stack with a short link', async () => {
    await openPage(page(), 'panel', { deep: 5000, mode: 'icicle' }, `${SVG} g.frame`);
    // Each click on the bottom row ("… deeper frames") focuses its caller and shows 400 more levels.
    for (let step = 0; step < 20; step++) {
      const deeper = await page().evaluate(() => {
        const el = document.querySelector('[data-testid="embers-flamegraph"]');
        el.scrollTop = el.scrollHeight;
        const layer = document.querySelector('[data-testid="embers-flamegraph-canvas"]').getBoundingClientRect();
        // Every frame of the stack starts at the left edge.
        return { x: layer.left + 1, y: layer.bottom - 1.5 * 20 };
      });
      await page().mouse.move(deeper.x + 300, deeper.y - 300);
      await page().mouse.move(deeper.x, deeper.y);
      const text = await page().locator(TOOLTIP).textContent();
      if (!text.includes('deeper frames')) {
        assert.ok(text.startsWith('frame5000'), `the last row is the leaf: ${text}`);
        assert.ok(page().url().length < 300, `short link: ${page().url().length} characters`);
        return;
      }
      const before = await focusName();
      await page().mouse.click(deeper.x, deeper.y);
      await page().waitForFunction((t) => document.querySelector('[data-testid="embers-flamegraph"]').dataset.focus !== t, before);
    }
    assert.fail('the leaf was not reached in 20 clicks');
  });
});
