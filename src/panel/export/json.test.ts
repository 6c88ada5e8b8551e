import { createDataFrame, dataFrameFromJSON, FieldType } from '@grafana/data';
import { exportJson } from './json';

describe('exportJson', () => {
  it('writes frame JSON that reads back to the same rows', () => {
    const frame = createDataFrame({
      name: 'flamegraph',
      fields: [
        { name: 'level', type: FieldType.number, values: [0, 1] },
        { name: 'value', type: FieldType.number, values: [10, 10], config: { unit: 'ns' } },
        { name: 'self', type: FieldType.number, values: [0, 10] },
        { name: 'label', type: FieldType.string, values: ['total', '<b>main</b>'] },
      ],
    });
    const back = dataFrameFromJSON(JSON.parse(exportJson(frame)));
    expect(back.name).toBe('flamegraph');
    expect(back.fields.map((f) => f.name)).toEqual(['level', 'value', 'self', 'label']);
    expect(back.fields[3].values).toEqual(['total', '<b>main</b>']);
    expect(back.fields[1].values).toEqual([10, 10]);
    expect(back.fields[1].config.unit).toBe('ns');
  });
});
