// The panel's table, sandwich and export modules in a real browser.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openPage, useBrowser } from '../lib/harness.mjs';

const XSS = '<img src=x onerror="window.__xss=1">';

describe('panel features (table, sandwich, export)', () => {
  const page = useBrowser();
  const open = async () => {
    await openPage(page(), 'features', {}, '[role="table"] [role="row"] [role="cell"]');
    // d3-flame-graph lays frames out on the next animation frames: wait for the root to span the graph.
    await page().waitForFunction(() => {
      const svg = document.querySelector('[data-testid="features-graph"] svg');
      const root = svg?.querySelector('g.frame[name="total"] rect');
      return root && Math.abs(root.getBoundingClientRect().width - svg.getBoundingClientRect().width) < 1;
    });
  };

  it('lists the hottest function first in the top table, in seconds', async () => {
    await open();
    const first = page().locator('[role="rowgroup"] [role="row"]').first();
    assert.equal(await first.locator('[role="cell"]').first().textContent(), 'slowFunction');
    assert.equal(await first.locator('[role="cell"]').nth(1).textContent(), '3.00 s 60.00 %');
    // work: 1 s under slowFunction + 0.75 s under fastFunction
    const work = page().locator('[role="rowgroup"] [role="row"]', { hasText: /^work/ });
    assert.equal(await work.locator('[role="cell"]').nth(2).textContent(), '1.75 s 35.00 %');
  });

  it('sorts by total when its header is clicked and selects a clicked function', async () => {
    await open();
    await page()
      .getByRole('button', { name: /^Total/ })
      .click();
    const names = await page().locator('[role="rowgroup"] [role="row"] [role="cell"]:first-child').allTextContents();
    assert.deepEqual(names.slice(0, 3), ['main', 'total', 'slowFunction']);
    await page().locator('[role="rowgroup"] [role="row"]', { hasText: 'fastFunction' }).click();
    assert.equal(await page().getByTestId('selected-function').textContent(), 'fastFunction');
  });

  it('shows a function name with markup as text and never runs it', async () => {
    await open();
    await page().locator('[role="rowgroup"] [role="cell"]', { hasText: XSS }).waitFor();
    const svg = await page().evaluate(() => window.__features.serializeSvg());
    assert.ok(svg.includes('&lt;img src=x'), 'the exported SVG holds the name escaped');
    assert.ok(!/<img/i.test(svg), 'the exported SVG holds no img element');
    assert.equal(await page().evaluate(() => window.__xss), undefined);
  });

  it('exports folded stacks with self values', async () => {
    await open();
    const folded = await page().evaluate(() => window.__features.folded());
    assert.equal(
      folded,
      [
        'main;slowFunction 3000000000',
        'main;slowFunction;work 1000000000',
        'main;fastFunction;work 750000000',
        `main;fastFunction;${XSS} 250000000`,
        '',
      ].join('\n')
    );
  });

  it('exports a PNG that looks like the graph: full size, the hot frame drawn in colour', async () => {
    await open();
    const { type, base64 } = await page().evaluate(() => window.__features.renderPng());
    assert.equal(type, 'image/png');
    const stats = await page().evaluate(async (data) => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const svg = document.querySelector('[data-testid="features-graph"] svg').getBoundingClientRect();
      // A column of pixels through total, main, slowFunction and work (flame mode, root at the bottom).
      const px = ctx.getImageData(Math.round(img.width * 0.05), 0, 1, img.height).data;
      let coloured = 0;
      for (let i = 0; i < px.length; i += 4) {
        const [r, g, b] = [px[i], px[i + 1], px[i + 2]];
        if (Math.max(r, g, b) - Math.min(r, g, b) > 40) {
          coloured++;
        }
      }
      return { width: img.width, height: img.height, svgWidth: svg.width, svgHeight: svg.height, coloured };
    }, base64);
    assert.equal(stats.width, Math.ceil(stats.svgWidth));
    assert.equal(stats.height, Math.ceil(stats.svgHeight));
    assert.ok(stats.coloured >= 4 * 15, `expected coloured frame pixels down the image, got ${stats.coloured}`);
  });

  it('builds the sandwich of a function that appears in two places', async () => {
    await open();
    const sandwich = await page().evaluate(() => window.__features.sandwich('work'));
    assert.deepEqual(sandwich, { callersTotal: 1.75e9, calleesTotal: 1.75e9, callers: 5 });
    assert.deepEqual(page().errors, []);
  });
});

describe('top table at 1,000,000 rows', () => {
  const page = useBrowser();

  it('lists, sorts and scrolls a million-row frame, drawing only the rows in view', async () => {
    await openPage(page(), 'features', { gen: 1000000 }, '[role="rowgroup"] [role="row"]');
    const rows = page().locator('[role="rowgroup"] [role="row"]');
    assert.ok((await rows.count()) < 60, `rendered ${await rows.count()} rows`);
    // Total, largest first: the root "total" holds everything.
    await page()
      .getByRole('button', { name: /^Total/ })
      .click();
    assert.equal(await rows.first().locator('[role="cell"]').first().textContent(), 'total');
    assert.match(await rows.first().locator('[role="cell"]').nth(2).textContent(), /100\.00 %$/);
    // Scroll to the end: the last rows are drawn there, and still only a few.
    await page()
      .locator('[role="table"] [role="rowgroup"]')
      .evaluate((el) => {
        el.parentElement.scrollTop = el.parentElement.scrollHeight;
      });
    await page().waitForFunction(() => {
      const all = document.querySelectorAll('[role="rowgroup"] [role="row"]');
      return all.length > 0 && !Array.from(all).some((r) => r.textContent.startsWith('total'));
    });
    assert.ok((await rows.count()) < 60);
    await rows.last().click();
    assert.match(await page().getByTestId('selected-function').textContent(), /^pkg\d+\./);
    assert.deepEqual(page().errors, []);
  });
});
