import { DataFrame, dataFrameToJSON } from '@grafana/data';

/** The frame as Grafana's data frame JSON (schema + data), the shape our golden files use. */
export function exportJson(frame: DataFrame): string {
  return JSON.stringify(dataFrameToJSON(frame));
}
