import { useEffect, useState } from 'react';
import { measuredCharPx, MONOSPACE_RATIO, monospaceCharPx } from '../model/labelFit';
import { afterPaint } from './afterPaint';

/** Within this share of the usual ratio, the measured width changes no label worth a redraw. */
const CLOSE_ENOUGH = 0.01;

/**
 * The width of one label character of `font`. The first paint uses the usual
 * monospace ratio: measuring makes the browser resolve the font for a canvas, about
 * 5 ms it would spend before the graph shows. The measurement follows once the
 * graph is on screen and the browser is idle, and replaces the estimate only when
 * the font really is narrower or wider.
 */
export function useCharPx(font: string, fontSizePx: number): number {
  const estimate = fontSizePx * MONOSPACE_RATIO;
  const [measured, setMeasured] = useState<{ font: string; px: number }>();
  const known = measured?.font === font ? measured.px : measuredCharPx(font);
  useEffect(() => {
    if (known !== undefined) {
      return;
    }
    return afterPaint(() => {
      const px = monospaceCharPx(font, fontSizePx);
      // The usual case renders nothing again.
      if (!closeEnough(px, estimate)) {
        setMeasured({ font, px });
      }
    });
  }, [font, fontSizePx, known, estimate]);
  return known === undefined || closeEnough(known, estimate) ? estimate : known;
}

const closeEnough = (px: number, estimate: number) => Math.abs(px - estimate) <= estimate * CLOSE_ENOUGH;
