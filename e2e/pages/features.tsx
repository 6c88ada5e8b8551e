// Harness for the panel's feature modules that stand on their own: the top-functions
// table, sandwich view and the exports, drawn with d3-flame-graph directly.
import flamegraph from 'd3-flame-graph';
import { select } from 'd3-selection';
import React, { useEffect, useRef, useState } from 'react';
import { exportFolded, renderPng, serializeSvg } from '../../src/panel/export';
import { buildSandwich } from '../../src/panel/sandwich/sandwich';
import { TopTable } from '../../src/panel/table/TopTable';
import { FlameColumns } from '../../src/shared/flameColumns';
import { columnsOf, Row } from '../../src/panel/table/testing/columnsOf';
import { mount } from './lib/mount';
import { syntheticRows } from './lib/synthetic';

const XSS = '<img src=x onerror="window.__xss=1">';
const rows: Row[] = [
  [0, 'total', 5e9, 0],
  [1, 'main', 5e9, 0],
  [2, 'slowFunction', 4e9, 3e9],
  [3, 'work', 1e9, 1e9],
  [2, 'fastFunction', 1e9, 0],
  [3, 'work', 0.75e9, 0.75e9],
  [3, XSS, 0.25e9, 0.25e9],
];

interface Node {
  name: string;
  value: number;
  children: Node[];
}

function toTree(columns: FlameColumns): Node {
  const stack: Node[] = [];
  let root: Node | undefined;
  for (let i = 0; i < columns.length; i++) {
    const node = { name: columns.label(i), value: columns.value[i], children: [] };
    stack.length = columns.level[i];
    if (stack.length === 0) {
      root = node;
    } else {
      stack[stack.length - 1].children.push(node);
    }
    stack.push(node);
  }
  return root!;
}

function Features() {
  const columns = columnsOf(rows);
  const graph = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState('');

  useEffect(() => {
    const chart = flamegraph().width(800).cellHeight(18).transitionDuration(0).sort(false);
    select(graph.current!).datum(toTree(columns)).call(chart);
    const w = window as unknown as Record<string, unknown>;
    const svg = () => graph.current!.querySelector('svg') as SVGSVGElement;
    w.__features = {
      folded: () => exportFolded(columns),
      serializeSvg: () => serializeSvg(svg()),
      renderPng: async () => {
        const blob = await renderPng(svg());
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = '';
        bytes.forEach((b) => (binary += String.fromCharCode(b)));
        return { type: blob.type, base64: btoa(binary) };
      },
      sandwich: (name: string) => {
        const { callers, callees } = buildSandwich(columns, name);
        return { callersTotal: callers.value[0], calleesTotal: callees.value[0], callers: callers.length };
      },
    };
    return () => chart.destroy();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div>
      <div ref={graph} data-testid="features-graph" />
      <output data-testid="selected-function">{selected}</output>
      <TopTable columns={columns} onSelectFunction={setSelected} height={240} width={800} />
    </div>
  );
}

/** `?gen=N`: the top table alone over a synthetic frame of N rows. */
function LargeTable({ nodes }: { nodes: number }) {
  const [columns] = useState<FlameColumns>(() => {
    const rows = syntheticRows(nodes);
    return { ...rows, length: rows.level.length, label: (i) => rows.names[rows.label[i]], unit: 'short' };
  });
  const [selected, setSelected] = useState('');
  return (
    <div>
      <output data-testid="selected-function">{selected}</output>
      <TopTable columns={columns} onSelectFunction={setSelected} height={400} width={900} />
    </div>
  );
}

const gen = Number(new URLSearchParams(window.location.search).get('gen') ?? 0);
mount(gen > 0 ? <LargeTable nodes={gen} /> : <Features />);
