import {
  DIFF_PALETTE,
  DIFF_PALETTE_COLORBLIND,
  DIMMED_COLOR,
  diffColor,
  FOLDED_COLOR,
  packageColor,
  relativeChange,
  selfColor,
} from '../../shared/colors';
import { ColorScheme } from '../types';
import { FlameIndex } from './flameIndex';
import { FlameBox } from './layout';
import { Matcher } from './search';

export type ResolvedScheme = Exclude<ColorScheme, 'auto'>;

/** auto → diff for a diff frame, package otherwise; diff without right values falls back to package. */
export function resolveScheme(scheme: ColorScheme, isDiff: boolean): ResolvedScheme {
  if (scheme === 'auto') {
    return isDiff ? 'diff' : 'package';
  }
  return scheme === 'diff' && !isDiff ? 'package' : scheme;
}

/** The fill of a frame row in a scheme. */
export function rowColor(row: number, index: FlameIndex, scheme: ResolvedScheme, colorBlind: boolean): string {
  const { columns } = index;
  switch (scheme) {
    case 'self': {
      const self = Number(columns.self[row]) + (columns.selfRight ? Number(columns.selfRight[row]) : 0);
      return selfColor(self, index.width[row]);
    }
    case 'diff': {
      const left = Number(columns.value[row]);
      const right = columns.valueRight ? Number(columns.valueRight[row]) : 0;
      const relative = relativeChange(left, index.leftTotal, right, index.rightTotal);
      return diffColor(relative, colorBlind ? DIFF_PALETTE_COLORBLIND : DIFF_PALETTE);
    }
    default:
      return packageColor(columns.label(row));
  }
}

/**
 * The fill of each drawn box, for the SVG and the canvas alike. While a search is
 * on, everything that does not match is dimmed and matches keep their colour.
 */
export function boxColorer(
  index: FlameIndex,
  scheme: ResolvedScheme,
  colorBlind: boolean,
  isMatch?: Matcher
): (box: FlameBox) => string {
  const cache = new Map<number, string>();
  return (box) => {
    if (box.row < 0 || box.kind === 'collapsed') {
      if (box.kind === 'root') {
        return isMatch ? DIMMED_COLOR : packageColor('total');
      }
      return FOLDED_COLOR;
    }
    if (isMatch && !isMatch(index.columns.label(box.row))) {
      return DIMMED_COLOR;
    }
    let color = cache.get(box.row);
    if (color === undefined) {
      color = rowColor(box.row, index, scheme, colorBlind);
      cache.set(box.row, color);
    }
    return color;
  };
}
