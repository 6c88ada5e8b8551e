export type FlameMode = 'flame' | 'icicle';
export type ColorScheme = 'auto' | 'package' | 'self' | 'diff';
export type ShowTable = 'off' | 'beside' | 'only';

export interface FlameGraphOptions {
  /** flame: root at the bottom; icicle: root on top. */
  mode: FlameMode;
  /** auto: diff colours for a diff frame, package colours otherwise. */
  colorScheme: ColorScheme;
  /** Diff in orange (grew) and blue (shrank) instead of red and green. */
  colorBlind: boolean;
  /** Frames narrower than this many pixels (1 at least) are left out as a gap that keeps their place. */
  minFrameWidth: number;
  showTable: ShowTable;
  /** Label size in pixels; the bar height follows it. */
  textSize: number;
}

export const defaultOptions: FlameGraphOptions = {
  mode: 'flame',
  colorScheme: 'auto',
  colorBlind: false,
  minFrameWidth: 1,
  showTable: 'off',
  textSize: 12,
};
