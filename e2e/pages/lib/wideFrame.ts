import { DataFrame } from '@grafana/data';

import { flameFrameOf, random } from './synthetic';

/** Towers side by side under the root, each ~8 px wide at 1200 px. */
const TOWERS = 150;
/** Levels per tower: 150 × 33 ≈ 5,000 frames of 1 px or more. */
const TOWER_DEPTH = 33;

/**
 * A whole-host profile's shape for the benchmarks and browser tests: 150 deep
 * towers of about equal width (≈ 5,000 frames of 1 px or more at 1200 px, when
 * `nodes` allows), each level keeping 97 % of its parent, and every other node a
 * sub-pixel leaf hung on a tower frame, so the tree size grows while what a person
 * can see stays the same. Names are long Go paths, as real ones are.
 */
export function wideFrame(nodes: number, seed = 11): DataFrame {
  const n = Math.max(1, Math.floor(nodes));
  const next = random(seed);
  const depth = Math.max(1, Math.min(TOWER_DEPTH, Math.floor((n - 1) / TOWERS)));
  const towers = Math.min(TOWERS, Math.max(0, n - 1));
  const towerFrames = towers * depth;
  const leaves = Math.max(0, n - 1 - towerFrames);
  const names = ['total'];
  const nameOf = (tower: number, lv: number) => {
    names.push(`github.com/acme/host${tower % 40}/internal/stage${lv}/pkg${tower}.(*Worker${tower % 7}).step${lv}`);
    return names.length - 1;
  };
  const level: number[] = [0];
  const value: number[] = [0];
  const self: number[] = [0];
  const label: number[] = [0];
  const towerValue = 6_000_000;
  let leafLeft = leaves;
  for (let t = 0; t < towers; t++) {
    // Leaves go to tower frames in turn, so every frame gets some.
    const framesLeft = (towers - t) * depth;
    let v = towerValue * (0.9 + next() * 0.2);
    const chain: number[] = [];
    for (let lv = 1; lv <= depth; lv++) {
      const k = Math.round(leafLeft / (framesLeft - (lv - 1)));
      leafLeft -= k;
      chain.push(level.length);
      level.push(lv);
      value.push(Math.round(v));
      label.push(nameOf(t, lv));
      // 3 % of the frame goes to its leaves, 0.5 % is its own, the rest to the next level.
      const each = k > 0 ? Math.max(1, Math.floor((v * 0.03) / k)) : 0;
      const childValue = lv === depth ? 0 : Math.round(v * 0.965);
      self.push(Math.max(0, Math.round(v) - childValue - each * k));
      // Leaves sit before the next tower level, in frame order.
      for (let i = 0; i < k; i++) {
        level.push(lv + 1);
        value.push(each);
        self.push(each);
        label.push(1 + ((t * 131 + i) % Math.max(1, names.length - 1)));
      }
      v = childValue;
    }
  }
  value[0] = value.reduce((sum, v, i) => (level[i] === 1 ? sum + v : sum), 0);
  return flameFrameOf({ level, value, self, label, names });
}
