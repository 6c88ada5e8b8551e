// Reads a frame JSON file (golden frame or fixture) in Node, so a spec can work out
// what the panel should show from the same data, not from numbers copied by hand.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function readFrameFile(name) {
  const root = process.env.E2E_REPO_ROOT ?? process.cwd();
  const candidates = [
    path.join(root, 'testdata', 'frames', `${name}.json`),
    path.join(root, 'e2e', 'fixtures', `${name}.json`),
  ];
  const file = candidates.find((f) => existsSync(f));
  if (!file) {
    throw new Error(`no frame ${name} in testdata/frames or e2e/fixtures`);
  }
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const fields = json.schema.fields.map((f) => f.name);
  const column = (name) => json.data.values[fields.indexOf(name)];
  const labelField = json.schema.fields[fields.indexOf('label')];
  const enumText = labelField.config?.type?.enum?.text;
  const labels = column('label').map((v) => (enumText ? enumText[v] : v));
  const rows = column('level').map((level, i) => ({
    level,
    name: labels[i],
    value: column('value')[i],
    self: column('self')[i],
    valueRight: fields.includes('valueRight') ? column('valueRight')[i] : 0,
    selfRight: fields.includes('selfRight') ? column('selfRight')[i] : 0,
  }));
  const roots = rows.filter((r) => r.level === 0);
  return {
    rows,
    total: roots.reduce((sum, r) => sum + r.value + r.valueRight, 0),
    leftTotal: roots.reduce((sum, r) => sum + r.value, 0),
    rightTotal: roots.reduce((sum, r) => sum + r.valueRight, 0),
  };
}

/** Sum of value (both sides) and self of a function over every place it appears, counted once per stack. */
export function functionTotals(frame, name) {
  let value = 0;
  let self = 0;
  let insideLevel = -1;
  for (const row of frame.rows) {
    if (insideLevel >= 0 && row.level <= insideLevel) {
      insideLevel = -1;
    }
    if (row.name === name) {
      self += row.self + row.selfRight;
      if (insideLevel < 0) {
        value += row.value + row.valueRight;
        insideLevel = row.level;
      }
    }
  }
  return { value, self };
}

export function percent(part, whole) {
  return `${((part / whole) * 100).toFixed(2)} %`;
}
