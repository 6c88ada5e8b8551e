import { startTransition, useEffect, useState } from 'react';
import { afterPaint } from './afterPaint';

/**
 * False on the first render, true once the first paint is on screen and the frames
 * right after it have passed (see afterPaint). What a person reads or uses after
 * the graph (the toolbar, the labelled frames' SVG that replaces their canvas
 * drawing) mounts then, in a transition React splits into short tasks: the graph
 * reaches the screen on its cheapest path, and nothing holds back the frames that
 * show it.
 */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => afterPaint(() => startTransition(() => setReady(true))), []);
  return ready;
}
