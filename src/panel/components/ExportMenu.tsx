import { DataFrame } from '@grafana/data';
import { Dropdown, Menu, ToolbarButton } from '@grafana/ui';
import React from 'react';
import { FlameColumns } from '../../shared/flameColumns';
import { PreparedSvg } from './FlameGraphView';
import { downloadText, exportFolded, exportJson, exportPng, exportSvg } from '../export';
import { exportPprof, pprofSourceOf } from '../export/pprof';

interface Props {
  columns: FlameColumns;
  frame: DataFrame;
  /** The whole drawing as one SVG, until release() (the narrow frames are added for the export). */
  prepareSvg(): PreparedSvg | null;
  fileName: string;
  onError(message: string): void;
}

/** Export the drawn graph (SVG, PNG) or the whole profile (folded stacks, frame JSON, pprof from Embers). */
export function ExportMenu({ columns, frame, prepareSvg, fileName, onError }: Props) {
  const run = (action: () => void | Promise<void>) => async () => {
    try {
      await action();
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err));
    }
  };
  const withSvg = (save: (svg: SVGSVGElement) => void | Promise<void>) => () => {
    const prepared = prepareSvg();
    if (!prepared) {
      throw new Error('There is no drawn flame graph to export.');
    }
    // Both exports read the SVG before they first wait.
    try {
      return save(prepared.svg);
    } finally {
      prepared.release();
    }
  };
  const pprof = pprofSourceOf(frame);
  const menu = (
    <Menu>
      <Menu.Item label="SVG image" onClick={run(withSvg((svg) => exportSvg(svg, `${fileName}.svg`)))} />
      <Menu.Item label="PNG image" onClick={run(withSvg((svg) => exportPng(svg, `${fileName}.png`)))} />
      <Menu.Item label="Folded stacks" onClick={run(() => downloadText(exportFolded(columns), `${fileName}.folded.txt`))} />
      <Menu.Item
        label="Frame JSON"
        onClick={run(() => downloadText(exportJson(frame), `${fileName}.json`, 'application/json'))}
      />
      {pprof && <Menu.Item label="pprof profile" onClick={run(() => exportPprof(pprof, `${fileName}.pb.gz`))} />}
    </Menu>
  );
  return (
    <Dropdown overlay={menu} placement="bottom-end">
      <ToolbarButton aria-label="Export">
        Export
      </ToolbarButton>
    </Dropdown>
  );
}
