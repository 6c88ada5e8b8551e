// The datasource query editor in Chromium: selector autocomplete by keyboard and mouse,
// checked on the query model the editor hands to Grafana.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maybeScreenshot, openPage, useBrowser } from '../lib/harness.mjs';

const SELECTOR = 'input[aria-label="Label selector"]';
const MODEL = '[data-testid="query-model"]';
const OPTION = '[role="listbox"] [role="option"]';

describe('query editor', () => {
  const page = useBrowser({ width: 1200, height: 700 });

  const model = async () => JSON.parse(await page().locator(MODEL).textContent());
  const runs = async () => Number(await page().locator('[data-testid="run-count"]').textContent());
  const optionTexts = async () => page().locator(`${OPTION} span:first-child`).allTextContents();

  async function open() {
    // Grafana's icons load from its own server (public/build/img/icons); the harness has none.
    await page().route('**/public/build/img/icons/**', (route) =>
      route.fulfill({ status: 200, contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg"/>' })
    );
    await openPage(page(), 'query-editor', {}, SELECTOR);
    // A new query gets the cpu profile type and the first service on its own.
    await page().waitForFunction(
      (sel) => document.querySelector(sel)?.textContent.includes('service_name=\\"ride-sharing-app\\"'),
      MODEL
    );
  }

  it('defaults a new query to cpu and the first service', async () => {
    await open();
    const q = await model();
    assert.equal(q.profileTypeId, 'process_cpu:cpu:nanoseconds:cpu:nanoseconds');
    assert.equal(q.queryType, 'both');
    assert.equal(q.labelSelector, '{service_name="ride-sharing-app"}');
    assert.equal(await page().locator(SELECTOR).inputValue(), '{service_name="ride-sharing-app"}');
  });

  it('builds region="eu-west" from the suggestions: name, operator, value', async () => {
    await open();
    const input = page().locator(SELECTOR);
    await input.click();
    await input.press('End');
    await input.press('ArrowLeft');
    await input.pressSequentially(', ');

    await page().locator(OPTION, { hasText: 'region' }).waitFor();
    assert.deepEqual(await optionTexts(), ['region', 'service_name']);
    await page().locator(OPTION, { hasText: 'region' }).click();

    await page().locator(OPTION, { hasText: '!~' }).waitFor();
    assert.deepEqual(await optionTexts(), ['=', '!=', '=~', '!~']);
    await page().locator(OPTION).first().click();

    await page().locator(OPTION, { hasText: 'eu-west' }).waitFor();
    assert.deepEqual(await optionTexts(), ['eu-west', 'us-east']);
    await maybeScreenshot(page(), 'query-editor');
    await page().locator(OPTION, { hasText: 'eu-west' }).click();

    assert.equal(await input.inputValue(), '{service_name="ride-sharing-app", region="eu-west"}');
    const runsBefore = await runs();
    await input.press('Shift+Enter');
    await page().waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('eu-west'), MODEL);
    const q = await model();
    assert.equal(q.labelSelector, '{service_name="ride-sharing-app", region="eu-west"}');
    assert.equal(q.profileTypeId, 'process_cpu:cpu:nanoseconds:cpu:nanoseconds');
    assert.equal(await runs(), runsBefore + 1);

    // Suggestions were scoped to the profile type and the current service.
    const calls = await page().evaluate(() => window.__calls);
    const regionValues = calls.find((c) => c.resource === 'labelValues' && c.label === 'region');
    assert.equal(regionValues.selector, '{service_name="ride-sharing-app"}');
    assert.equal(regionValues.profileTypeId, 'process_cpu:cpu:nanoseconds:cpu:nanoseconds');
    assert.deepEqual(page().errors, []);
  });

  it('accepts with the keyboard, and an invalid selector shows its error and does not run', async () => {
    await open();
    const input = page().locator(SELECTOR);
    await input.click();
    await input.press('End');
    await input.press('ArrowLeft');
    await input.pressSequentially(', reg');
    await page().locator(OPTION, { hasText: 'region' }).waitFor();
    await input.press('Tab');
    await page().locator(OPTION, { hasText: '!~' }).waitFor();
    await input.press('ArrowDown');
    await input.press('Enter');
    assert.equal(await input.inputValue(), '{service_name="ride-sharing-app", region!=}');

    const runsBefore = await runs();
    await input.press('Escape');
    await input.press('Shift+Enter');
    // The field says what is wrong; the editor says the query does not run, and why.
    await page()
      .getByText(/^Expected a quoted value after "region!=", found "}"/)
      .waitFor();
    await page()
      .getByRole('status')
      .getByText('This query does not run. Label selector: Expected a quoted value after "region!=", found "}"')
      .waitFor();
    assert.equal((await model()).labelSelector, '{service_name="ride-sharing-app", region!=}');
    assert.equal(await runs(), runsBefore);
    assert.deepEqual(page().errors, []);
  });

  it('adds region="eu-west" as a row in builder mode', async () => {
    await open();
    await page().getByRole('radio', { name: 'Builder' }).click();
    await page().getByRole('button', { name: 'Add label filter' }).click();
    assert.equal(await page().locator('#embers-builder-new-label').inputValue(), 'region');
    await page().locator('#embers-builder-new-value').click();
    await page().getByRole('option', { name: 'eu-west' }).click();
    await page().waitForFunction((sel) => document.querySelector(sel)?.textContent.includes('eu-west'), MODEL);
    assert.equal((await model()).labelSelector, '{service_name="ride-sharing-app", region="eu-west"}');
    assert.equal(await page().locator('#embers-builder-1-value').inputValue(), 'eu-west');
    assert.deepEqual(page().errors, []);
  });
});
