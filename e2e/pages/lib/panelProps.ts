import { DataFrame, dateTime, EventBusSrv, LoadingState, PanelProps, TimeRange } from '@grafana/data';

const to = dateTime(Date.UTC(2026, 10, 25, 12, 0, 0));
const timeRange: TimeRange = { from: dateTime(to).subtract(1, 'hour'), to, raw: { from: 'now-1h', to: 'now' } };
const eventBus = new EventBusSrv();

/** The PanelProps Grafana gives a panel, for mounting the real panel outside Grafana. */
export function panelProps<T>(
  series: DataFrame[],
  options: T,
  size: { width: number; height: number },
  onOptionsChange: (options: T) => void = () => {}
): PanelProps<T> {
  return {
    id: 1,
    data: { series, state: LoadingState.Done, timeRange },
    timeRange,
    timeZone: 'utc',
    options,
    fieldConfig: { defaults: {}, overrides: [] },
    transparent: false,
    width: size.width,
    height: size.height,
    renderCounter: 0,
    title: 'Flame graph',
    eventBus,
    onOptionsChange,
    onFieldConfigChange: () => {},
    replaceVariables: (value) => value,
    onChangeTimeRange: () => {},
  };
}
