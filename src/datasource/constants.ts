/** Flame graph size Pyroscope gets when neither the query nor the settings say. */
export const DEFAULT_MAX_NODES = 16384;
/** Pyroscope's default per-tenant cap on maxNodes; larger values are a 400. */
export const MAX_NODES_LIMIT = 1048576;
