// A series point's links open the flame graph of the query's range, and of the
// point's own step, under the same selector.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPage, useBrowser } from '../lib/harness.mjs';

/** The Explore state a link's URL holds. */
function explore(url) {
  const left = new URL(url).searchParams.get('left');
  assert.ok(left, `not an Explore URL: ${url}`);
  return JSON.parse(left);
}

describe('series links to the flame graph', () => {
  const page = useBrowser();
  const open = async (row) => {
    await openPage(page(), 'series-links', { row }, '[data-testid="series-links"] a');
    return page().evaluate(() => window.__series);
  };
  const link = (title) => page().getByRole('link', { name: title });

  it('opens the flame graph of the range the panel showed, with the same selector', async () => {
    const s = await open(3);
    const state = explore(new URL(await link('Flame graph of this range').getAttribute('href'), page().url()).href);
    assert.deepEqual(state.range, { from: String(s.from), to: String(s.to) });
    assert.equal(state.datasource, s.uid);
    assert.equal(state.queries[0].queryType, 'profile');
    assert.equal(state.queries[0].labelSelector, s.selector);
  });

  it('follows a point to the flame graph of just that step', async () => {
    for (const row of [0, 5]) {
      const s = await open(row);
      await link('Flame graph of this step').click();
      await page().waitForURL(/\/explore\?left=/);
      const state = explore(page().url());
      assert.deepEqual(state.range, { from: String(s.times[row]), to: String(s.times[row] + s.step) });
      assert.equal(state.queries[0].queryType, 'profile');
      assert.equal(state.queries[0].labelSelector, s.selector);
      assert.equal(state.queries[0].datasource.uid, s.uid);
    }
  });
});
