// Frame labels keep the function readable: a name too long for its frame loses its
// package path from the left (`…client.(*Fetcher).FetchChunks`), never its end, in
// the graph, the sandwich view and the top table alike.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SVG } from '../lib/flame.mjs';
import { openPage, useBrowser } from '../lib/harness.mjs';

const FETCH = 'github.com/grafana/loki/pkg/storage/chunk/client.(*Fetcher).FetchChunks';

/** Every shown SVG label: the frame's name, the label's text, and whether its first and last characters are on screen. */
function shownLabels(page) {
  return page.evaluate((svgSelector) => {
    const inside = (rect, box) => rect.width > 0 && rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5;
    const charRect = (node, at) => {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      return range.getBoundingClientRect();
    };
    return Array.from(document.querySelectorAll(`${svgSelector} g.frame`))
      .map((g) => ({ name: g.getAttribute('name'), div: g.querySelector('.d3-flame-graph-label') }))
      .filter(({ name, div }) => name && div && getComputedStyle(div).display !== 'none' && div.textContent)
      .map(({ name, div }) => {
        const text = div.firstChild;
        const box = div.getBoundingClientRect();
        return {
          name,
          label: div.textContent,
          firstShown: inside(charRect(text, 0), box),
          lastShown: inside(charRect(text, text.length - 1), box),
        };
      });
  }, SVG);
}

/** The function a name ends with: what follows its last `.` or `/`. */
const functionOf = (name) => name.slice(Math.max(name.lastIndexOf('.'), name.lastIndexOf('/')) + 1);

function assertKeepsTheEnd({ name, label, firstShown, lastShown }) {
  assert.ok(firstShown && lastShown, `${label} is shown whole (${firstShown}, ${lastShown})`);
  if (label === name) {
    return;
  }
  assert.ok(label.startsWith('…'), `${label} is cut from the left`);
  const kept = label.slice(1);
  assert.ok(name.endsWith(kept), `${label} is the end of ${name}`);
  if (kept.length >= functionOf(name).length) {
    // Whole segments go: the cut falls just after a separator.
    assert.ok(kept.endsWith(functionOf(name)), `${label} shows the function`);
    assert.match(name[name.length - kept.length - 1], /[./]/, `${label} starts at a package segment`);
  }
}

describe('flame graph labels', () => {
  const page = useBrowser({ width: 1300, height: 900 });

  it('a narrow frame shows the end of a Go name: package segments go from the left, the function stays', async () => {
    await openPage(page(), 'panel', { frame: 'long-names', width: 600, height: 300 }, `${SVG} g.frame`);
    const labels = (await shownLabels(page())).filter((l) => l.name === FETCH);
    // 50 %, 30 % and 16 % of the graph: three labelled frames of the same function, each cut less.
    assert.equal(labels.length, 3, JSON.stringify(labels));
    labels.forEach(assertKeepsTheEnd);
    const texts = labels.map((l) => l.label);
    assert.ok(texts.every((t) => t.startsWith('…') && !t.includes('github.com')), texts.join(' | '));
    assert.ok(texts.some((t) => t.endsWith('.FetchChunks') && t.includes('(*Fetcher)')), texts.join(' | '));
    assert.equal(new Set(texts).size, 3, 'the wider the frame, the more of the name it shows');
  });

  it('every label of the real profile is its name or the name\'s end, in the graph and in the sandwich view', async () => {
    await openPage(page(), 'panel', { frame: 'demo-cpu', width: 900 }, `${SVG} g.frame`);
    const graph = await shownLabels(page());
    assert.ok(graph.some((l) => l.label !== l.name), 'some names of the real profile are too long for their frames');
    graph.forEach(assertKeepsTheEnd);

    const sandwiched = 'runtime.mallocgc';
    await openPage(page(), 'panel', { frame: 'demo-cpu', width: 900, 'flameSandwich-1': sandwiched }, `${SVG} g.frame`);
    await page().getByTestId('embers-sandwich').waitFor();
    const sandwich = await shownLabels(page());
    assert.ok(sandwich.some((l) => l.name === sandwiched), 'the sandwich view draws the function');
    assert.ok(sandwich.some((l) => l.label !== l.name), 'the sandwich view cuts some of its callers');
    sandwich.forEach(assertKeepsTheEnd);
  });

  it('the top table shows the end of a long name where its cell is too narrow', async () => {
    await openPage(page(), 'panel', { frame: 'long-names', width: 500, showTable: 'only' }, '[role="table"]');
    const cell = page().locator('[role="row"]', { hasText: 'FetchChunks' }).locator('[role="cell"] span').first();
    const seen = await cell.evaluate((span) => {
      const text = Array.from(span.childNodes).find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.length > 1);
      const box = span.getBoundingClientRect();
      const range = document.createRange();
      const at = (i) => {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        const rect = range.getBoundingClientRect();
        return rect.left >= box.left - 0.5 && rect.right <= box.right + 0.5;
      };
      return { clipped: span.scrollWidth > span.clientWidth, first: at(0), last: at(text.length - 1) };
    });
    assert.deepEqual(seen, { clipped: true, first: false, last: true });
  });
});
