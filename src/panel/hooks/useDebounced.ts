import { useEffect, useState } from 'react';

/**
 * `value`, but changes only once it has held still for `ms`: a resize storm
 * redraws the graph once at the end instead of on every step.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) {
      return;
    }
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, settled, ms]);
  return settled;
}
