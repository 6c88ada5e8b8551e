// The flame graph panel in Chromium, mounted by the harness with real frames.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { drawnFrames, framesNamed, rgb, SVG, svgBox, TOOLTIP, waitForSettled } from '../lib/flame.mjs';
import { functionTotals, percent, readFrameFile } from '../lib/frameJson.mjs';
import { maybeScreenshot, openPage, useBrowser } from '../lib/harness.mjs';

/** The project's own workload (golden frame): slowFunction does 4x the work of fastFunction. */
const WORKLOAD = { frame: 'workload-cpu', height: 400 };
const workload = readFrameFile('workload-cpu');
const slowTotals = functionTotals(workload, 'main.slowFunction');
const fastTotals = functionTotals(workload, 'main.fastFunction');
/** ns → the "2.48 s" Grafana shows for values between 1 s and 1 min. */
const seconds = (ns) => `${(ns / 1e9).toFixed(2)} s`;
const DIFF = { frame: 'diff-workload' };
const XSS = '<img src=x onerror="window.__xss=1">';

describe('flame graph panel', () => {
  const page = useBrowser({ width: 1300, height: 900 });

  async function open(params) {
    await openPage(page(), 'panel', params, `${SVG} g.frame`);
    // The root spans the graph once the first layout is drawn.
    await page().waitForFunction((svgSelector) => {
      const svg = document.querySelector(svgSelector);
      const rect = svg?.querySelector('g.frame rect');
      return rect && rect.getBoundingClientRect().width > svg.getBoundingClientRect().width * 0.95;
    }, SVG);
    await waitForSettled(page());
  }

  /** The whole panel (toolbar and graph) as the harness mounts it. */
  const panel = () => page().getByTestId('harness-panel');

  it('draws the hot function as the widest bar: slowFunction is about 4x fastFunction', async () => {
    await open(WORKLOAD);
    const [slow] = await framesNamed(page(), 'slowFunction');
    const [fast] = await framesNamed(page(), 'fastFunction');
    assert.ok(slow && fast, 'both functions are drawn');
    const expected = slowTotals.value / fastTotals.value;
    assert.ok(expected > 3.5 && expected < 4.5, `the workload frame itself has slow/fast = ${expected}`);
    const drawn = slow.width / fast.width;
    assert.ok(Math.abs(drawn / expected - 1) < 0.01, `slow/fast width ratio ${drawn}, samples ratio ${expected}`);
    const box = await svgBox(page());
    const [root] = await framesNamed(page(), 'total');
    assert.ok(root.width > box.width * 0.95, 'the root spans the graph');
    assert.ok(
      Math.abs(slow.width / root.width - slowTotals.value / workload.total) < 0.005,
      'slowFunction width is its share'
    );
    const siblings = (await drawnFrames(page())).filter((f) => Math.abs(f.y - slow.y) < 1);
    assert.equal(siblings.sort((a, b) => b.width - a.width)[0].name, 'main.slowFunction', 'widest bar on its row');
    await maybeScreenshot(panel(), 'panel-default');
    assert.deepEqual(page().errors, []);
  });

  it('focuses a clicked frame: it then spans the full width', async () => {
    await open(WORKLOAD);
    const box = await svgBox(page());
    const [fast] = await framesNamed(page(), 'fastFunction');
    await page().mouse.click(fast.x + fast.width / 2, fast.y + fast.height / 2);
    await page().waitForFunction(
      ({ svgSelector, width }) =>
        Array.from(document.querySelectorAll(`${svgSelector} g.frame`)).some(
          (g) =>
            (g.getAttribute('name') ?? g.textContent).includes('fastFunction') &&
            g.querySelector('rect').getBoundingClientRect().width > width * 0.95
        ),
      { svgSelector: SVG, width: box.width }
    );
    await waitForSettled(page());
    const [work] = await framesNamed(page(), 'main.work');
    assert.ok(work.width > box.width * 0.95, 'its only child fills the width too');
    assert.equal((await framesNamed(page(), 'slowFunction')).length, 0, 'its sibling is gone');
    await maybeScreenshot(panel(), 'panel-focused');
    await page().getByRole('button', { name: 'Reset focus' }).click();
    await waitForSettled(page());
    const [fastAgain] = await framesNamed(page(), 'fastFunction');
    assert.ok(Math.abs(fastAgain.width - fast.width) < 1, 'reset restores the whole graph');
  });

  it('search dims everything that does not match and shows the count and share', async () => {
    await open(WORKLOAD);
    const before = (await framesNamed(page(), 'slowFunction'))[0].fill;
    await page().getByLabel('Search functions').fill('slowFunction');
    await page().waitForFunction(() => {
      const g = Array.from(document.querySelectorAll('g.frame')).find((f) =>
        (f.getAttribute('name') ?? '').includes('fastFunction')
      );
      return g && getComputedStyle(g.querySelector('rect')).fill.startsWith('rgba');
    });
    assert.equal((await framesNamed(page(), 'slowFunction'))[0].fill, before, 'a match keeps its colour');
    assert.equal(
      await page().getByTestId('embers-search-stats').textContent(),
      `1 match · ${percent(slowTotals.value, workload.total)} of total`
    );
  });

  it('a search term that is not a valid regex does not break the panel', async () => {
    await open(WORKLOAD);
    await page().getByLabel('Search functions').fill('(');
    await page().waitForTimeout(300);
    assert.ok((await drawnFrames(page())).length > 0);
    assert.deepEqual(page().errors, []);
  });

  it('tooltip shows name, self, total and share in the frame unit', async () => {
    await open(WORKLOAD);
    const [slow] = await framesNamed(page(), 'slowFunction');
    await page().mouse.move(slow.x + slow.width / 2, slow.y + slow.height / 2);
    const tooltip = page().locator(TOOLTIP);
    await tooltip.waitFor({ state: 'visible' });
    const text = await tooltip.textContent();
    assert.ok(text.startsWith('main.slowFunction'), text);
    assert.ok(
      text.includes(`Total${seconds(slowTotals.value)} (${percent(slowTotals.value, workload.total)} of total)`),
      text
    );
    assert.ok(text.includes(`(${percent(slowTotals.self, workload.total)})`), text);
    // Its parent (main.run) holds both functions.
    assert.ok(text.includes(`Of parent${percent(slowTotals.value, slowTotals.value + fastTotals.value)}`), text);
  });

  it('flame mode puts the root at the bottom, icicle at the top', async () => {
    await open(WORKLOAD);
    await page().getByRole('button', { name: 'Flame', exact: true }).click();
    let frames = await drawnFrames(page());
    let root = frames.find((f) => f.name === 'total');
    assert.equal(root.y, Math.max(...frames.map((f) => f.y)), 'flame: root is the lowest bar');
    await page().getByRole('button', { name: 'Icicle', exact: true }).click();
    await page().waitForFunction((svgSelector) => {
      const frames = Array.from(document.querySelectorAll(`${svgSelector} g.frame rect`));
      const root = document.querySelector(`${svgSelector} g.frame[name="total"] rect`);
      return root && frames.every((r) => r.getBoundingClientRect().y >= root.getBoundingClientRect().y);
    }, SVG);
    frames = await drawnFrames(page());
    root = frames.find((f) => f.name === 'total');
    assert.equal(root.y, Math.min(...frames.map((f) => f.y)), 'icicle: root is the top bar');
  });

  it('shows a name with markup literally and never runs it', async () => {
    await open({ frame: 'xss' });
    const [xss] = await framesNamed(page(), '<img');
    assert.ok(xss, 'the frame is drawn under its literal name');
    assert.equal(await panel().locator('img').count(), 0);
    await page().mouse.move(xss.x + xss.width / 2, xss.y + xss.height / 2);
    await page().locator(TOOLTIP).waitFor({ state: 'visible' });
    assert.ok((await page().locator(TOOLTIP).textContent()).includes(XSS));
    assert.equal(await page().evaluate(() => window.__xss), undefined);
  });

  it('draws every frame of 1 px or more of a 1,000,000-node whole-host profile', async () => {
    await openPage(page(), 'panel', { wide: 1000000 }, `${SVG} g.frame`);
    const root = page().getByTestId('embers-flamegraph');
    const drawn = Number(await root.getAttribute('data-drawn-frames'));
    const visible = Number(await root.getAttribute('data-visible-frames'));
    // 150 towers of 33 levels and the root: 4,951 frames of 1 px or more.
    assert.equal(visible, 4951);
    assert.equal(drawn, visible);
    assert.equal(await page().getByTestId('embers-pruned-note').count(), 0, 'no "showing N of M" note');
    assert.ok((await drawnFrames(page())).length < 100, 'the narrow frames are painted, not elements');
  });

  it('colours a diff: a function that grew is red, one that shrank is green', async () => {
    // Left: the fast code path only, right: the slow one only (golden frame from the fake).
    await open({ frame: 'diff-workload-fast-vs-slow', height: 400 });
    const [grew] = await framesNamed(page(), 'main.slowFunction');
    const [shrank] = await framesNamed(page(), 'main.fastFunction');
    const [r1, g1] = rgb(grew.fill);
    const [r2, g2] = rgb(shrank.fill);
    assert.ok(r1 > g1 + 80, `grew should be red, is ${grew.fill}`);
    assert.ok(g2 > r2 + 80, `shrank should be green, is ${shrank.fill}`);
    // Width is both sides together: 2.48 s right vs 0.65 s left.
    const diff = readFrameFile('diff-workload-fast-vs-slow');
    const expected = functionTotals(diff, 'main.slowFunction').value / functionTotals(diff, 'main.fastFunction').value;
    assert.ok(Math.abs(grew.width / shrank.width / expected - 1) < 0.01, `width ratio ${grew.width / shrank.width}`);
    await maybeScreenshot(panel(), 'panel-diff');
  });

  it("colours a diff by each side's share: same share is neutral, the colour-blind palette avoids red/green", async () => {
    await open(DIFF);
    const [steady] = await framesNamed(page(), 'steady');
    const [r, g, b] = rgb(steady.fill);
    assert.ok(Math.max(r, g, b) - Math.min(r, g, b) < 30, `a function with the same share is grey, is ${steady.fill}`);
    await open({ ...DIFF, colorBlind: true });
    const [grows] = await framesNamed(page(), 'grows');
    const [shrinks] = await framesNamed(page(), 'shrinks');
    const [gr, gg, gb] = rgb(grows.fill);
    const [sr, , sb] = rgb(shrinks.fill);
    assert.ok(gr > gb + 60 && gr > gg, `grew is orange in the colour-blind palette, is ${grows.fill}`);
    assert.ok(sb > sr + 60, `shrank is blue in the colour-blind palette, is ${shrinks.fill}`);
  });
});
