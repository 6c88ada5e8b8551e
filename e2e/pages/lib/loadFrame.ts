import { DataFrame, dataFrameFromJSON, DataFrameJSON } from '@grafana/data';
import { realisticFrame } from './realisticFrame';
import { chainFrame, syntheticFrame } from './synthetic';
import { wideFrame } from './wideFrame';

/**
 * The frame a harness page shows, from its URL: `?frame=demo-cpu` reads the golden
 * frame testdata/frames/demo-cpu.json (or a fixture of e2e/fixtures);
 * `?gen=1000000` makes a synthetic frame of that many nodes; `?wide=100000` a
 * whole-host shape (~5,000 frames of 1 px or more); `?realistic=10000` a large real
 * profile's shape; `?deep=1000` one stack that deep; `?frame=none` is no data.
 */
export async function loadFrame(params: URLSearchParams): Promise<DataFrame[]> {
  const gen = params.get('gen');
  if (gen) {
    return [syntheticFrame(Number(gen), Number(params.get('seed') ?? 42))];
  }
  const wide = params.get('wide');
  if (wide) {
    return [wideFrame(Number(wide))];
  }
  const realistic = params.get('realistic');
  if (realistic) {
    return [realisticFrame(Number(realistic))];
  }
  const deep = params.get('deep');
  if (deep) {
    return [chainFrame(Number(deep))];
  }
  const name = params.get('frame') ?? 'workload-cpu';
  if (name === 'none') {
    return [];
  }
  for (const url of [`/testdata/frames/${name}.json`, `/fixtures/${name}.json`]) {
    const response = await fetch(url);
    if (response.ok) {
      const json: DataFrameJSON = await response.json();
      return [dataFrameFromJSON(json)];
    }
  }
  throw new Error(`no frame called ${name} in testdata/frames or e2e/fixtures`);
}
