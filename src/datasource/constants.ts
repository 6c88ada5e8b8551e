/** Flame graph size Pyroscope gets when neither the query nor the settings say. */
export const DEFAULT_MAX_NODES = 16384;
/** Pyroscope's default per-tenant cap on maxNodes; larger values are a 400. */
export const MAX_NODES_LIMIT = 1048576;
/** The largest top-N series limit; 0, like none, keeps every series. */
export const MAX_SERIES_LIMIT = 10000;
/** Seconds the backend waits for Pyroscope when the settings say none (or 0). */
export const DEFAULT_TIMEOUT_SECONDS = 30;
/** The longest timeout the backend accepts: one day. */
export const MAX_TIMEOUT_SECONDS = 86400;
/** The smallest step of the time series when the settings say none. */
export const DEFAULT_MIN_STEP_SECONDS = 15;
