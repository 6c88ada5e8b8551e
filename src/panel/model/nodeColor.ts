import {
  DIFF_PALETTE,
  DIFF_PALETTE_COLORBLIND,
  diffColor,
  FOLDED_COLOR,
  HIGHLIGHT_COLOR,
  packageColor,
  relativeChange,
  selfColor,
} from '../../shared/colors';
import { ColorScheme } from '../types';
import { FlameIndex } from './flameIndex';
import { DrawNode } from './prune';

export type ResolvedScheme = Exclude<ColorScheme, 'auto'>;

/** auto → diff for a diff frame, package otherwise; diff without right values falls back to package. */
export function resolveScheme(scheme: ColorScheme, isDiff: boolean): ResolvedScheme {
  if (scheme === 'auto') {
    return isDiff ? 'diff' : 'package';
  }
  return scheme === 'diff' && !isDiff ? 'package' : scheme;
}

/** The fill of one drawn frame. */
export function nodeColor(node: DrawNode, index: FlameIndex, scheme: ResolvedScheme, colorBlind: boolean): string {
  if (node.highlight) {
    return HIGHLIGHT_COLOR;
  }
  const row = node.row;
  if (row < 0) {
    return node.kind === 'node' || node.kind === 'ancestor' ? packageColor(node.name) : FOLDED_COLOR;
  }
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
      return packageColor(node.name);
  }
}
