import { dateTime } from '@grafana/data';

import { completeSeriesLinks, RANGE_LINK_TITLE, STEP_LINK_TITLE } from './seriesLinks';
import { backendSeriesFrame, exploreState, linksAtPoint } from './testing/seriesLinkModels';

const selector = '{service_name="embers-demo", region="eu-west"}';
const from = Date.UTC(2026, 11, 1, 10, 0, 0);
const to = from + 60 * 60 * 1000;
const range = { from: dateTime(from), to: dateTime(to), raw: { from: dateTime(from), to: dateTime(to) } };
const step = 15000;
const times = [from, from + step, from + 2 * step, from + 3 * step];

function linkTitled(links: ReturnType<typeof linksAtPoint>, title: string) {
  const link = links.find((l) => l.title === title);
  if (!link) {
    throw new Error(`no link titled ${title}: ${links.map((l) => l.title).join(', ')}`);
  }
  return link;
}

describe('series links to the flame graph', () => {
  it('opens the flame graph of the query range with the same selector', () => {
    const [frame] = completeSeriesLinks([backendSeriesFrame(times, step, selector)], range);
    const state = exploreState(linkTitled(linksAtPoint(frame, 1), RANGE_LINK_TITLE).href);
    expect(state.range).toEqual({ from: String(from), to: String(to) });
    expect(state.datasource).toBe('embers-uid');
    expect(state.queries[0]).toMatchObject({ queryType: 'profile', labelSelector: selector });
  });

  it('opens the flame graph of the one step a clicked point stands for', () => {
    const [frame] = completeSeriesLinks([backendSeriesFrame(times, step, selector)], range);
    for (const row of [0, 2]) {
      const state = exploreState(linkTitled(linksAtPoint(frame, row), STEP_LINK_TITLE).href);
      expect(state.range).toEqual({ from: String(times[row]), to: String(times[row] + step) });
      expect(state.datasource).toBe('embers-uid');
      expect(state.queries[0]).toMatchObject({
        queryType: 'profile',
        labelSelector: selector,
        datasource: { uid: 'embers-uid' },
      });
    }
  });

  it('adds no step link to a series without a step, and leaves other frames alone', () => {
    const noStep = backendSeriesFrame(times, 0, selector);
    const other = { name: 'flamegraph', length: 0, fields: [] };
    const [frame, untouched] = completeSeriesLinks([noStep, other], range);
    expect(linksAtPoint(frame, 0).map((l) => l.title)).toEqual([RANGE_LINK_TITLE]);
    expect(untouched).toBe(other);
  });
});
