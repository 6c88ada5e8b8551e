import {
  DataFrame,
  DataLink,
  DataQuery,
  dateTime,
  Field,
  FieldType,
  serializeStateToUrlParam,
  TimeRange,
  toURLRange,
} from '@grafana/data';

/** The backend's link on every series (pkg/plugin/series_links.go). */
export const RANGE_LINK_TITLE = 'Flame graph of this range';
/** The link added here: the flame graph of the one step a point stands for. */
export const STEP_LINK_TITLE = 'Flame graph of this step';

/**
 * Completes the backend's series links. The range link gets the query's time
 * range, since Grafana gives an internal link no range of its own in a
 * dashboard (the link would open Explore on its default range). Each series
 * also gets a step link: from a point's time to one step later, the samples
 * that point sums.
 */
export function completeSeriesLinks(frames: DataFrame[], queryRange: TimeRange): DataFrame[] {
  // Absolute, so "now-1h" opens the hour that was shown, not a later one.
  const range = absolute(queryRange.from.valueOf(), queryRange.to.valueOf());
  return frames.map((frame) => {
    const stepMs = frame.fields.find((f) => f.type === FieldType.time)?.config.interval;
    let changed = false;
    const fields = frame.fields.map((field) => {
      const links = field.config.links;
      const rangeLink = links?.find((l) => l.title === RANGE_LINK_TITLE && l.internal);
      if (!links || !rangeLink) {
        return field;
      }
      changed = true;
      const out = links.map((l) => (l === rangeLink ? { ...l, internal: { ...l.internal!, range } } : l));
      if (stepMs && stepMs > 0) {
        out.push(stepLink(rangeLink, stepMs));
      }
      return { ...field, config: { ...field.config, links: out } } as Field;
    });
    return changed ? { ...frame, fields } : frame;
  });
}

function stepLink(rangeLink: DataLink, stepMs: number): DataLink {
  const { datasourceUid, query } = rangeLink.internal!;
  return {
    title: STEP_LINK_TITLE,
    url: '',
    // Grafana builds the URL per point: the point's time is known only then.
    onBuildUrl: ({ replaceVariables }) => {
      const from = Number(replaceVariables?.('${__value.time}'));
      if (!Number.isFinite(from)) {
        return '';
      }
      return exploreHref(datasourceUid, query as DataQuery, stepRange(from, stepMs));
    },
  };
}

/** The step that starts at a point's time. */
export function stepRange(fromMs: number, stepMs: number): TimeRange {
  return absolute(fromMs, fromMs + stepMs);
}

function absolute(fromMs: number, toMs: number): TimeRange {
  const from = dateTime(fromMs);
  const to = dateTime(toMs);
  return { from, to, raw: { from, to } };
}

/** The Explore URL Grafana makes for an internal link, here with the step's range. */
function exploreHref(datasourceUid: string, query: DataQuery, range: TimeRange): string {
  const state = serializeStateToUrlParam({
    range: toURLRange(range.raw),
    datasource: datasourceUid,
    queries: [{ ...query, datasource: { uid: datasourceUid } }],
  });
  return `/explore?left=${encodeURIComponent(state)}`;
}
