// The panel's tools in Chromium: exports from its menu, sandwich view, the
// top-functions table beside the graph, and what it shows for odd input.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { framesNamed, SVG, waitForSettled } from '../lib/flame.mjs';
import { functionTotals, readFrameFile } from '../lib/frameJson.mjs';
import { openPage, useBrowser } from '../lib/harness.mjs';

const workload = readFrameFile('workload-cpu');

/** Folded stacks worked out here from the frame file, independently of the panel's code. */
function expectedFolded(frame) {
  const path = [];
  const lines = [];
  for (const row of frame.rows) {
    path.length = row.level;
    path[row.level] = row.name;
    if (row.level > 0 && row.self > 0) {
      lines.push(`${path.slice(1).join(';')} ${row.self}`);
    }
  }
  return lines.join('\n') + '\n';
}

describe('flame graph panel tools', () => {
  const page = useBrowser({ width: 1300, height: 900 });

  async function open(params) {
    await openPage(page(), 'panel', params, `${SVG} g.frame`);
    await waitForSettled(page());
  }

  async function download(item) {
    await page().getByRole('button', { name: 'Export' }).click();
    const [file] = await Promise.all([
      page().waitForEvent('download'),
      page().getByRole('menuitem', { name: item }).click(),
    ]);
    return { name: file.suggestedFilename(), body: await readFile(await file.path()) };
  }

  it('exports folded stacks, frame JSON, SVG and PNG from the Export menu', async () => {
    await open({ frame: 'workload-cpu', height: 400 });

    const folded = await download('Folded stacks');
    assert.match(folded.name, /\.folded\.txt$/);
    assert.equal(folded.body.toString('utf8'), expectedFolded(workload));

    const json = await download('Frame JSON');
    const frame = JSON.parse(json.body.toString('utf8'));
    const golden = JSON.parse(
      await readFile(new URL('../../testdata/frames/workload-cpu.json', import.meta.url), 'utf8')
    );
    assert.deepEqual(
      frame.schema.fields.map((f) => f.name),
      golden.schema.fields.map((f) => f.name)
    );
    assert.deepEqual(frame.data.values.slice(0, 3), golden.data.values.slice(0, 3), 'level, value and self survive');

    const svg = (await download('SVG image')).body.toString('utf8');
    assert.match(svg, /^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.ok(svg.includes('>main.slowFunction</text>'), 'labels are SVG text in the file');
    assert.ok(!svg.includes('foreignObject'));

    const png = await download('PNG image');
    assert.equal(png.body.subarray(1, 4).toString('latin1'), 'PNG');
    const box = await page().locator(SVG).boundingBox();
    assert.equal(png.body.readUInt32BE(16), Math.ceil(box.width), 'PNG width is the drawn width');
    assert.equal(png.body.readUInt32BE(20), Math.ceil(box.height), 'PNG height is the drawn height');
    assert.deepEqual(page().errors, []);
  });

  it('sandwich view of main.work shows its two callers sized by what each calls', async () => {
    await open({ frame: 'workload-cpu', height: 500 });
    const [work] = await framesNamed(page(), 'main.work');
    await page().mouse.click(work.x + 5, work.y + work.height / 2, { button: 'right' });
    await page().getByText('Sandwich view (callers and callees)').click();
    const sandwich = page().getByTestId('embers-sandwich');
    await sandwich.waitFor();
    assert.match(await sandwich.textContent(), /Sandwich: main\.work/);
    await waitForSettled(page());
    const callers = sandwich.locator(SVG).first();
    const widths = await callers.evaluate((svg) =>
      Object.fromEntries(
        Array.from(svg.querySelectorAll('g.frame')).map((g) => [
          g.getAttribute('name'),
          g.querySelector('rect').getBoundingClientRect().width,
        ])
      )
    );
    // Every main.work sample sits under one of the two functions.
    const underSlow = workload.rows.find(
      (r, i) => r.name === 'main.work' && workload.rows[i - 1].name === 'main.slowFunction'
    );
    const underFast = workload.rows.find(
      (r, i) => r.name === 'main.work' && workload.rows[i - 1].name === 'main.fastFunction'
    );
    const expected = underSlow.value / underFast.value;
    const drawn = widths['main.slowFunction'] / widths['main.fastFunction'];
    assert.ok(Math.abs(drawn / expected - 1) < 0.01, `callers width ratio ${drawn}, samples ratio ${expected}`);
    const total = functionTotals(workload, 'main.work').value;
    assert.ok(Math.abs(widths['main.fastFunction'] / widths['main.work'] - underFast.value / total) < 0.01);
    await page().getByRole('button', { name: 'Back to flame graph' }).click();
    await page().locator(SVG).waitFor();
  });

  it('the top table beside the graph lists the hottest function first; a click shows it, its button searches', async () => {
    await open({ frame: 'workload-cpu', showTable: 'beside', height: 400 });
    const rows = page().locator('[role="table"] [role="rowgroup"] [role="row"]');
    // Self, largest first: main.work holds the samples of both paths.
    assert.equal(await rows.first().locator('[role="cell"]').first().textContent(), 'main.work');
    await page()
      .getByRole('button', { name: /^Total/ })
      .click(); // largest total first
    const names = await rows.locator('[role="cell"]:first-child').allTextContents();
    assert.ok(names.indexOf('main.slowFunction') < names.indexOf('main.fastFunction'), names.join(', '));
    await rows.filter({ hasText: 'main.slowFunction' }).locator('[role="cell"]').nth(1).click();
    await page().getByText('Sandwich: main.slowFunction').waitFor();
    await page().getByRole('button', { name: 'Search for main.fastFunction' }).click();
    assert.equal(await page().getByLabel('Search functions').inputValue(), 'main.fastFunction');
    await page().getByTestId('embers-search-stats').waitFor();
  });

  it("the table of a diff shows each function's change in share, sorted by it", async () => {
    await open({ frame: 'diff-workload-fast-vs-slow', showTable: 'beside', height: 400 });
    const diff = readFrameFile('diff-workload-fast-vs-slow');
    const change = (name) => {
      const rows = diff.rows.filter((r) => r.name === name);
      const left = rows.reduce((sum, r) => sum + r.value, 0) / diff.leftTotal;
      const right = rows.reduce((sum, r) => sum + r.valueRight, 0) / diff.rightTotal;
      return right - left;
    };
    await page()
      .getByRole('button', { name: /^Change/ })
      .click(); // largest growth first
    const rows = page().locator('[role="table"] [role="rowgroup"] [role="row"]');
    const first = rows.first().locator('[role="cell"]');
    assert.equal(await first.first().textContent(), 'main.slowFunction');
    assert.equal(await first.nth(3).textContent(), `+${(change('main.slowFunction') * 100).toFixed(2)} pp`);
    const fast = rows.filter({ hasText: 'main.fastFunction' }).locator('[role="cell"]');
    assert.equal(await fast.nth(3).textContent(), `\u2212${(-change('main.fastFunction') * 100).toFixed(2)} pp`);
  });

  it('Back undoes a focus click; a shared link reopens the same focus and search', async () => {
    await open({ frame: 'workload-cpu', height: 400 });
    const box = await page().locator(SVG).boundingBox();
    const spansGraph = async () => (await framesNamed(page(), 'main.fastFunction'))[0].width > box.width * 0.95;
    const [fast] = await framesNamed(page(), 'main.fastFunction');
    await page().mouse.click(fast.x + fast.width / 2, fast.y + fast.height / 2);
    await waitForSettled(page());
    assert.equal(await spansGraph(), true, 'focused');
    // The panel writes its URL once the focus is painted.
    await page().waitForURL(/flameFocus-1=/);

    await page().goBack();
    await waitForSettled(page());
    assert.equal(await spansGraph(), false, 'Back returns to the whole graph');
    await page().goForward();
    await waitForSettled(page());
    assert.equal(await spansGraph(), true, 'Forward focuses again');

    await page().getByLabel('Search functions').fill('work');
    await page().getByTestId('embers-search-stats').waitFor();
    await page().waitForURL(/flameSearch-1=work/);
    const link = page().url();
    await page().goto('about:blank');
    await page().goto(link);
    await page().locator(`${SVG} g.frame`).first().waitFor();
    await waitForSettled(page());
    assert.equal(await spansGraph(), true, 'the link opens focused on main.fastFunction');
    assert.equal(await page().getByLabel('Search functions').inputValue(), 'work');
  });

  it('explains no data and an empty profile instead of drawing nothing', async () => {
    const message = page().getByTestId('embers-flamegraph-message');
    await openPage(page(), 'panel', { frame: 'none' }, '[data-testid="embers-flamegraph-message"]');
    assert.match(await message.textContent(), /^No data/);
    const empty = readFrameFile('empty');
    assert.equal(empty.total, 0, 'the golden empty frame has nothing to draw');
    await openPage(page(), 'panel', { frame: 'empty' }, '[data-testid="embers-flamegraph-message"]');
    assert.match(await message.textContent(), /^(No samples|No data)/);
    assert.equal(await page().locator(SVG).count(), 0);
    assert.deepEqual(page().errors, []);
  });

  it('draws a 1,000-deep stack without freezing or throwing', async () => {
    await openPage(page(), 'panel', { deep: 1000, height: 600 }, `${SVG} g.frame`);
    await waitForSettled(page());
    const [root] = await framesNamed(page(), 'total');
    assert.ok(root.width > 1000, 'the root spans the graph');
    assert.ok((await framesNamed(page(), 'frame1')).length >= 1);
    assert.deepEqual(page().errors, []);
  });
});
