/** A data source stand-in for editor tests: canned resource answers, recorded calls. */
import * as fs from 'fs';
import * as path from 'path';

import type { PyroscopeDataSource } from '../datasource';
import type { ProfileTypeInfo } from '../types';
import { profileTypesOf } from './profileTypesOf';

/** The repository's own test data: walk up to go.mod, then testdata/. */
export function repoTestdata(...parts: string[]): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'go.mod'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error('go.mod not found above ' + __dirname);
    }
    dir = parent;
  }
  return path.join(dir, 'testdata', ...parts);
}

/** Profile types as the real server answered them for the demo and the workload, in the shape the backend's resource returns. */
export function recordedProfileTypes(): ProfileTypeInfo[] {
  const recorded = JSON.parse(fs.readFileSync(repoTestdata('recorded', 'profile-types.json'), 'utf8'));
  return profileTypesOf(recorded.response);
}

export interface StubAnswers {
  profileTypes?: ProfileTypeInfo[];
  labelNames?: string[];
  labelValues?: Record<string, string[]>;
  variables?: string[];
}

export function stubDataSource(answers: StubAnswers = {}) {
  const ds = {
    defaultMaxNodes: 16384,
    getProfileTypes: jest.fn(async () => answers.profileTypes ?? recordedProfileTypes()),
    getLabelNames: jest.fn(async () => answers.labelNames ?? ['region', 'service_name']),
    getLabelValues: jest.fn(
      async (label: string) =>
        (answers.labelValues ?? { service_name: ['ride-sharing-app', 'checkout'], region: ['eu-west', 'us-east'] })[
          label
        ] ?? []
    ),
    getVariableNames: jest.fn(() => answers.variables ?? []),
  };
  return { ds, asDataSource: ds as unknown as PyroscopeDataSource };
}
