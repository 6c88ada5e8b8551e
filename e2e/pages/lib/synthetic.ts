import { createDataFrame, DataFrame, FieldType } from '@grafana/data';

/** Same seed, same frame: a deterministic PRNG (mulberry32). */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A flame graph frame of `nodes` rows shaped like a big real profile: a random walk
 * over depth (up to 40), names from a pool of 5,000 functions, every leaf with self
 * samples and values summed bottom-up so each node = self + children.
 */
export function syntheticFrame(nodes: number, seed = 42): DataFrame {
  return flameFrameOf(syntheticRows(nodes, seed));
}

/** Nested-set columns as the backend's flame graph frame (enum labels indexing `names`). */
export function flameFrameOf(rows: {
  level: number[];
  value: number[];
  self: number[];
  label: number[];
  names: string[];
}) {
  return createDataFrame({
    name: 'flamegraph',
    meta: { preferredVisualisationType: 'flamegraph' },
    fields: [
      { name: 'level', type: FieldType.number, values: rows.level },
      { name: 'value', type: FieldType.number, values: rows.value, config: { unit: 'short' } },
      { name: 'self', type: FieldType.number, values: rows.self, config: { unit: 'short' } },
      { name: 'label', type: FieldType.enum, values: rows.label, config: { type: { enum: { text: rows.names } } } },
    ],
  });
}

/** One stack `depth` frames deep (plus the root), every frame with 1 sample of self. */
export function chainFrame(depth: number): DataFrame {
  const n = Math.max(1, Math.floor(depth)) + 1;
  const level = Array.from({ length: n }, (_, i) => i);
  return createDataFrame({
    name: 'flamegraph',
    fields: [
      { name: 'level', type: FieldType.number, values: level },
      {
        name: 'value',
        type: FieldType.number,
        values: level.map((i) => (i === 0 ? n - 1 : n - i)),
        config: { unit: 'short' },
      },
      { name: 'self', type: FieldType.number, values: level.map((i) => (i === 0 ? 0 : 1)), config: { unit: 'short' } },
      { name: 'label', type: FieldType.string, values: level.map((i) => (i === 0 ? 'total' : `frame${i}`)) },
    ],
  });
}

/** The synthetic frame's columns; `label` holds indices into `names`. */
export function syntheticRows(nodes: number, seed = 42) {
  const next = random(seed);
  const n = Math.max(1, Math.floor(nodes));
  const level = new Array<number>(n);
  const label = new Array<number>(n);
  const self = new Array<number>(n).fill(0);
  const value = new Array<number>(n).fill(0);
  const names = ['total'];
  for (let i = 0; i < 5000; i++) {
    names.push(`pkg${i % 97}.(*Type${i % 13}).function${i}`);
  }
  level[0] = 0;
  label[0] = 0;
  for (let i = 1; i < n; i++) {
    const previous = level[i - 1];
    level[i] = previous < 40 && next() < 0.55 ? previous + 1 : 1 + Math.floor(next() * Math.max(1, previous));
    label[i] = 1 + Math.floor(next() * next() * 5000);
  }
  const parent = new Int32Array(n).fill(-1);
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    path.length = level[i];
    parent[i] = level[i] > 0 ? path[level[i] - 1] : -1;
    path.push(i);
    const isLeaf = i + 1 >= n || level[i + 1] <= level[i];
    self[i] = isLeaf ? 1 + Math.floor(next() * 100) : next() < 0.3 ? Math.floor(next() * 20) : 0;
  }
  for (let i = n - 1; i >= 0; i--) {
    value[i] += self[i];
    if (parent[i] >= 0) {
      value[parent[i]] += value[i];
    }
  }
  return { level, value, self, label, names };
}
