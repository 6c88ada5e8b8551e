import { FlameBox, FlameLayout } from './layout';
import { charsThatFit, fitLabel } from './labelFit';

/** Frames wider than this get a label and go to the SVG; narrower ones to the canvas. */
export const LABEL_MIN_PX = 35;

/** What d3-flame-graph is given: small, fresh objects each time (it mutates them). */
export interface ChartNode {
  /** The frame's name; "" for a spacer (hidden by the view's CSS). */
  name: string;
  /** What its label shows: the name fitted to the frame's width, its end kept. */
  label: string;
  value: number;
  color: string;
  /** Drawn faded (the path above the focus); d3-flame-graph sizes these by their children. */
  fade: boolean;
  children?: ChartNode[];
}

/** Boxes of the full-width path before the last one (the focus) are drawn faded. */
export const isAboveFocus = (layout: FlameLayout, id: number) => id < layout.chainLength - 1;

export const isLabelled = (box: FlameBox) => box.w > LABEL_MIN_PX && box.kind !== 'gap' && box.kind !== 'deeper';

/** A labelled box's text: its name fitted to its width, the end kept (`charPx` 0 leaves it whole). */
export const boxLabel = (name: string, box: FlameBox, charPx: number) => fitLabel(name, charsThatFit(box.w, charPx));

/**
 * The tree d3-flame-graph draws: only the labelled boxes, with every run of other
 * boxes between them folded into one nameless spacer of their summed samples, so
 * its partition puts each labelled frame exactly where the layout has it.
 */
export function chartTree(
  layout: FlameLayout,
  nameOf: (box: FlameBox) => string,
  colorOf: (box: FlameBox) => string,
  /** Width of a label character (px); 0 leaves names whole. */
  charPx = 0
): ChartNode | undefined {
  const { boxes } = layout;
  if (boxes.length === 0) {
    return undefined;
  }
  // Only labelled boxes have labelled children (a child is never wider than its parent):
  // lists for them alone, not one for each of a wide profile's thousands of boxes.
  const children: number[][] = [];
  for (let id = 0; id < boxes.length; id++) {
    const box = boxes[id];
    if (box.parent >= 0 && isLabelled(box)) {
      (children[box.parent] ??= []).push(id);
    }
  }
  const build = (id: number): ChartNode => {
    const box = boxes[id];
    const name = nameOf(box);
    const label = boxLabel(name, box, charPx);
    const node: ChartNode = { name, label, value: box.value, color: colorOf(box), fade: isAboveFocus(layout, id) };
    const out: ChartNode[] = [];
    let spacerX = box.x;
    for (const c of children[id] ?? []) {
      const child = boxes[c];
      // Samples between the previous child and this one (narrow frames, gaps) keep their room.
      const spacer = Math.max(0, ((child.x - spacerX) / layout.widthPx) * layout.viewValue);
      if (spacer > 0) {
        out.push({ name: '', label: '', value: spacer, color: 'transparent', fade: false });
      }
      out.push(build(c));
      spacerX = child.x + child.w;
    }
    if (out.length > 0) {
      node.children = out;
    }
    return node;
  };
  return build(0);
}
