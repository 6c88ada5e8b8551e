import { useState } from 'react';
import { FlameGraphOptions } from '../types';

export type ToolbarOptions = Pick<FlameGraphOptions, 'mode' | 'colorScheme' | 'showTable'>;
type Key = keyof ToolbarOptions;
/** A toolbar choice and the panel option it was made over. */
type Override = { [K in Key]?: { value: ToolbarOptions[K]; over: ToolbarOptions[K] } };

/**
 * The options the toolbar changes, kept here too: Explore draws the panel with a
 * no-op onOptionsChange, and the controls must work there as on a dashboard. A
 * choice holds while the panel's option is still the one it was made over, so a
 * later change in the panel editor wins.
 */
export function useLocalOptions(
  options: FlameGraphOptions,
  onOptionsChange: (options: FlameGraphOptions) => void
): [FlameGraphOptions, (change: Partial<ToolbarOptions>) => void] {
  const [local, setLocal] = useState<Override>({});
  const merged = { ...options };
  for (const key of Object.keys(local) as Key[]) {
    const choice = local[key];
    if (choice && choice.over === options[key]) {
      (merged as Record<Key, unknown>)[key] = choice.value;
    }
  }
  const change = (next: Partial<ToolbarOptions>) => {
    setLocal((current) => {
      const updated: Override = { ...current };
      for (const key of Object.keys(next) as Key[]) {
        (updated as Record<Key, unknown>)[key] = { value: next[key], over: options[key] };
      }
      return updated;
    });
    onOptionsChange({ ...merged, ...next });
  };
  return [merged, change];
}
