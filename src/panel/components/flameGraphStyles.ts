import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { trimStart } from './trimStart';

/** How a labelled frame looks, in the SVG's CSS and on the canvas before the SVG mounts. */
export const LABEL_COLOR = '#1b1b1f';
export const LABEL_PADDING_PX = 4;
export const FADED_OPACITY = 0.55;

/** Styles of FlameGraphView: the scroll box, the two drawing layers, labels and the keyboard cursor. */
export const getFlameGraphStyles = (theme: GrafanaTheme2, textSize: number) => ({
  wrapper: css({ position: 'relative' }),
  container: css({
    // Its size is given: what changes inside (a focus) is laid out and painted without the rest of the page.
    contain: 'strict',
    overflowY: 'auto',
    overflowX: 'hidden',
    display: 'flex',
    flexDirection: 'column',
    '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: -2 },
    'svg.d3-flame-graph': { display: 'block' },
    'g.frame': { cursor: 'pointer' },
    // Spacers hold the room of frames drawn on the canvas.
    'g.frame[name=""]': { display: 'none' },
    'g.frame rect': { stroke: theme.colors.background.primary, strokeWidth: 0.5 },
    'g.frame.fade': { opacity: FADED_OPACITY },
    'g.frame:hover rect': { stroke: theme.colors.text.primary, strokeWidth: 1 },
    '.d3-flame-graph-label': {
      pointerEvents: 'none',
      // The text is fitted to the frame already (model/labelFit); should the font measure
      // wider than expected, the cut still falls on the left.
      ...trimStart,
      fontSize: textSize,
      lineHeight: `${Math.round(textSize * 1.5 + 2)}px`,
      fontFamily: theme.typography.fontFamilyMonospace,
      // Labels are fitted by the font's own advance (model/labelFit): no inherited spacing.
      letterSpacing: 'normal',
      padding: `0 ${LABEL_PADDING_PX}px`,
      color: LABEL_COLOR,
    },
  }),
  // The scroll starts at the end of a reversed column: the root is in view without reading any height.
  rootAtBottom: css({ flexDirection: 'column-reverse' }),
  layer: css({ position: 'relative', flex: 'none', cursor: 'pointer' }),
  canvas: css({ position: 'absolute', left: 0, top: 0 }),
  svgHost: css({ position: 'absolute', left: 0, top: 0 }),
  cursor: css({
    position: 'absolute',
    pointerEvents: 'none',
    outline: `2px solid ${theme.colors.text.primary}`,
    boxShadow: `0 0 0 4px ${theme.colors.primary.main}`,
    borderRadius: 1,
  }),
  srOnly: css({ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }),
});
