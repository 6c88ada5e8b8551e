import { DataFrame, FieldType, toDataFrame } from '@grafana/data';

/** [level, name, value, self] or, for a diff, [level, name, value, self, valueRight, selfRight]. */
export type Row = [number, string, number, number] | [number, string, number, number, number, number];

interface Options {
  /** Labels as an enum field (the default, as our backend sends) or a plain string field. */
  labels?: 'enum' | 'string';
  unit?: string;
  name?: string;
}

/** A hand-made nested-set frame, in the shape of DESIGN.md section 4. */
export function flameFrame(rows: Row[], { labels = 'enum', unit = 'ns', name = 'flamegraph' }: Options = {}): DataFrame {
  const names: string[] = [];
  const ids = new Map<string, number>();
  const labelValues = rows.map((r) => {
    if (labels === 'string') {
      return r[1];
    }
    if (!ids.has(r[1])) {
      ids.set(r[1], names.length);
      names.push(r[1]);
    }
    return ids.get(r[1])!;
  });
  const isDiff = rows.length > 0 && rows[0].length === 6;
  const fields = [
    { name: 'level', type: FieldType.number, values: rows.map((r) => r[0]) },
    { name: 'value', type: FieldType.number, values: rows.map((r) => r[2]), config: { unit } },
    { name: 'self', type: FieldType.number, values: rows.map((r) => r[3]), config: { unit } },
    labels === 'enum'
      ? { name: 'label', type: FieldType.enum, values: labelValues, config: { type: { enum: { text: names } } } }
      : { name: 'label', type: FieldType.string, values: labelValues },
  ];
  if (isDiff) {
    fields.push(
      { name: 'valueRight', type: FieldType.number, values: rows.map((r) => r[4] ?? 0), config: { unit } },
      { name: 'selfRight', type: FieldType.number, values: rows.map((r) => r[5] ?? 0), config: { unit } }
    );
  }
  return toDataFrame({ name, meta: { preferredVisualisationType: 'flamegraph' }, fields });
}

/**
 * total 100 = main 90 (self 10) + idle 10; main → slowFunction 60 (self 60), fastFunction 15 (self 15),
 * and five tiny helpers of 1 each (self 1).
 */
export const SMALL_PROFILE: Row[] = [
  [0, 'total', 100, 0],
  [1, 'main.main', 90, 10],
  [2, 'main.slowFunction', 60, 60],
  [2, 'main.fastFunction', 15, 15],
  [2, 'main.tiny1', 1, 1],
  [2, 'main.tiny2', 1, 1],
  [2, 'main.tiny3', 1, 1],
  [2, 'main.tiny4', 1, 1],
  [2, 'main.tiny5', 1, 1],
  [1, 'runtime.idle', 10, 10],
];

/** Left total 100, right total 200: "grew" doubles its share, "shrank" halves. */
export const DIFF_PROFILE: Row[] = [
  [0, 'total', 100, 0, 200, 0],
  [1, 'grew', 20, 20, 80, 80],
  [1, 'shrank', 40, 40, 40, 40],
  [1, 'same', 40, 40, 80, 80],
];

/** A synthetic profile of about `count` nodes: a wide, deep tree with a fixed seed. */
export function syntheticRows(count: number, seed = 7): Row[] {
  let state = seed;
  const random = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const rows: Row[] = [[0, 'total', 0, 0]];
  const stack: number[] = [0];
  for (let i = 1; i < count; i++) {
    const depth = Math.min(stack.length, 1 + Math.floor(random() * Math.min(stack.length + 1, 40)));
    stack.length = depth;
    const self = 1 + Math.floor(random() * 100);
    rows.push([depth, `pkg${i % 50}.fn${i % 997}`, self, self]);
    for (const ancestor of stack) {
      rows[ancestor][2] += self;
    }
    stack.push(i);
  }
  return rows;
}
