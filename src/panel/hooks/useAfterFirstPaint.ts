import { startTransition, useEffect, useState } from 'react';

/**
 * False on the first render, true once the first frame has been committed: parts a
 * user reads after the graph (the toolbar, the total in its unit) render then, in a
 * transition React splits into short tasks, so the graph reaches the screen first.
 * Their first mount is the costly one: Grafana's styles for the controls, and
 * outside Grafana the unit index the total is formatted with.
 */
export function useAfterFirstPaint(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    startTransition(() => setReady(true));
  }, []);
  return ready;
}
