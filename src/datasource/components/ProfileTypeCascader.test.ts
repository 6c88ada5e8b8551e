import { recordedProfileTypes } from '../testing/stubDataSource';
import { defaultProfileType, groupProfileTypes } from './ProfileTypeCascader';

describe('profile type grouping', () => {
  const types = recordedProfileTypes();

  it('groups the recorded types by profile name, then sample type', () => {
    const groups = groupProfileTypes(types);
    const names = groups.map((g) => g.label);
    expect(names).toEqual([...names].sort());
    const cpu = groups.find((g) => g.label === 'process_cpu')!;
    expect(cpu.items?.map((i) => i.value)).toContain('process_cpu:cpu:nanoseconds:cpu:nanoseconds');
    expect(cpu.items?.find((i) => i.value === 'process_cpu:cpu:nanoseconds:cpu:nanoseconds')?.label).toBe('cpu');
    // Every type appears exactly once.
    expect(groups.flatMap((g) => g.items ?? []).length).toBe(types.length);
  });

  it('defaults to cpu, else the first type', () => {
    expect(defaultProfileType(types)).toBe('process_cpu:cpu:nanoseconds:cpu:nanoseconds');
    expect(defaultProfileType(types.filter((t) => t.name !== 'process_cpu'))).toBe(
      types.filter((t) => t.name !== 'process_cpu')[0].id
    );
    expect(defaultProfileType([])).toBeUndefined();
  });
});
