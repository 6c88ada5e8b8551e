/**
 * A nested-set flame graph frame read into plain columns (DESIGN.md section 4).
 * Row i is one call-tree node in depth-first pre-order; its parent is the closest
 * earlier row whose level is one less. Everything that reads a flame graph (the
 * tree builder, the top-functions table, sandwich view, exports) works from this.
 */
export interface FlameColumns {
  /** Number of rows (nodes). */
  length: number;
  level: ArrayLike<number>;
  /** Total of the node (itself + descendants); for a diff, the LEFT side alone. */
  value: ArrayLike<number>;
  /** The node's own samples; for a diff, the LEFT side alone. */
  self: ArrayLike<number>;
  /** Diff frames only: the RIGHT side alone. Width is value + valueRight. */
  valueRight?: ArrayLike<number>;
  selfRight?: ArrayLike<number>;
  /** Function name of row i (enum or plain string label field, resolved). */
  label(i: number): string;
  /** Grafana unit id from the value field's config (`ns`, `bytes`, `short`, ...). */
  unit: string;
}
