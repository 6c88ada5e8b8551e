// The frames both sides of the panel benchmark draw, chosen by the page's URL:
// ?shape=typical&nodes=N (a large real profile's shape), ?shape=wide&nodes=N (a
// whole-host profile: ~5,000 frames of 1 px or more) or ?shape=real (a golden frame
// of the project's own data, from testdata/frames).
import { DataFrame, dataFrameFromJSON, dataFrameToJSON } from '@grafana/data';

import { realisticFrame } from '../../e2e/pages/lib/realisticFrame';
import { wideFrame } from '../../e2e/pages/lib/wideFrame';

export const REAL_PROFILE = 'demo-cpu';

export async function benchFrame(params: URLSearchParams): Promise<DataFrame> {
  const nodes = Number(params.get('nodes') ?? 1000);
  const seed = params.get('seed') ? Number(params.get('seed')) : undefined;
  switch (params.get('shape') ?? 'typical') {
    case 'wide':
      return overTheWire(wideFrame(nodes, seed));
    case 'real': {
      const response = await fetch(`/testdata/frames/${REAL_PROFILE}.json`);
      return dataFrameFromJSON(await response.json());
    }
    default:
      return overTheWire(realisticFrame(nodes, seed));
  }
}

/**
 * The frame as a panel receives it from a backend: through the JSON wire format and
 * back, as the real profile is. Names a generator pieces together stay linked
 * pieces in the engine until first read, and each side would pay for joining them
 * inside its timed mount, which no answer from a server makes them do.
 */
function overTheWire(frame: DataFrame): DataFrame {
  return dataFrameFromJSON(JSON.parse(JSON.stringify(dataFrameToJSON(frame))));
}
