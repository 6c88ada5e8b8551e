import { DataFrame } from '@grafana/data';

import { flameFrameOf, random } from './synthetic';

/** A binary max-heap of node ids by value: the widest leaf is split next. */
class WidestFirst {
  private ids: number[] = [];
  constructor(private value: Float64Array) {}
  get size() {
    return this.ids.length;
  }
  push(id: number) {
    const ids = this.ids;
    ids.push(id);
    let i = ids.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (this.value[ids[up]] >= this.value[id]) {
        break;
      }
      ids[i] = ids[up];
      i = up;
    }
    ids[i] = id;
  }
  pop(): number {
    const ids = this.ids;
    const top = ids[0];
    const last = ids.pop()!;
    if (ids.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let big = i;
        const bigValue = () => (big === i ? this.value[last] : this.value[ids[big]]);
        if (l < ids.length && this.value[ids[l]] > bigValue()) {
          big = l;
        }
        if (r < ids.length && this.value[ids[r]] > bigValue()) {
          big = r;
        }
        if (big === i) {
          break;
        }
        ids[i] = ids[big];
        i = big;
      }
      ids[i] = last;
    }
    return top;
  }
}

/**
 * A flame graph frame of `nodes` rows shaped like a large real profile, for the
 * benchmarks: the widest frame is always split next, into 1–8 callees with
 * skewed (Zipf-like) shares and some self time, with single-callee chains
 * (wrappers, runtime frames) a third of the time. A few hot paths stay wide and
 * deep while the rest thins out, so a 1200 px view shows hundreds to thousands
 * of frames, as real whole-host profiles do. Names repeat per depth band.
 */
export function realisticFrame(nodes: number, seed = 7): DataFrame {
  const n = Math.max(1, Math.floor(nodes));
  const next = random(seed);
  const value = new Float64Array(n);
  const self = new Float64Array(n);
  const depth = new Int32Array(n);
  const name = new Int32Array(n);
  const children: number[][] = new Array(n);
  const names = ['total'];
  for (let i = 1; i <= 20000; i++) {
    names.push(`github.com/acme/svc${i % 37}/pkg${i % 211}.(*T${i % 17}).fn${i}`);
  }
  value[0] = 1e9;
  let count = 1;
  const heap = new WidestFirst(value);
  heap.push(0);
  while (count < n && heap.size > 0) {
    const parent = heap.pop();
    const wanted = next() < 0.33 ? 1 : 2 + Math.floor(next() * next() * 7);
    const k = Math.min(wanted, n - count);
    const weights = Array.from({ length: k }, (_, i) => (0.2 + next()) / Math.pow(i + 1, 1.3));
    const sum = weights.reduce((a, b) => a + b, 0);
    const childShare = 0.75 + next() * 0.25;
    const budget = Math.floor(value[parent] * childShare);
    children[parent] = [];
    let given = 0;
    for (let i = 0; i < k; i++) {
      const id = count++;
      const v = i === k - 1 ? budget - given : Math.floor((budget * weights[i]) / sum);
      given += v;
      value[id] = v;
      depth[id] = depth[parent] + 1;
      name[id] = 1 + ((depth[id] * 997 + Math.floor(next() * 400)) % 20000);
      children[parent].push(id);
      if (v > 1) {
        heap.push(id);
      }
    }
    self[parent] = value[parent] - given;
  }
  // Leaves keep their whole value as self; then lay the tree out depth-first.
  const level = new Array<number>(count);
  const label = new Array<number>(count);
  const values = new Array<number>(count);
  const selfs = new Array<number>(count);
  const stack = [0];
  let row = 0;
  while (stack.length > 0) {
    const id = stack.pop()!;
    const kids = children[id];
    level[row] = depth[id];
    label[row] = id === 0 ? 0 : name[id];
    values[row] = value[id];
    selfs[row] = kids ? self[id] : value[id];
    row++;
    if (kids) {
      for (let i = kids.length - 1; i >= 0; i--) {
        stack.push(kids[i]);
      }
    }
  }
  return flameFrameOf({ level, value: values, self: selfs, label, names });
}
