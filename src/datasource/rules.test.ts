/**
 * The shared rule table (testdata/rules/settings.json): the Go tests in
 * pkg/models run the same cases, so the page never calls valid what the
 * backend refuses, or the other way round.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

import { validateTimeShift } from './components/DiffRow';
import { validateLimit, validateQueryMaxNodes } from './components/QueryOptionsRow';
import {
  validateMaxNodes,
  validateMinStep,
  validateTenantId,
  validateTimeout,
  validateUrl,
} from './components/configValidation';
import {
  DEFAULT_MAX_NODES,
  DEFAULT_MIN_STEP_SECONDS,
  DEFAULT_TIMEOUT_SECONDS,
  MAX_NODES_LIMIT,
  MAX_SERIES_LIMIT,
  MAX_TIMEOUT_SECONDS,
} from './constants';
import { parseDuration, spanIdProblem } from './rules';

interface RuleCase {
  input: string | number;
  seconds?: number;
  valid?: boolean;
  /** The text both halves refuse the input with. */
  message?: string;
}

const table = JSON.parse(readFileSync(join(__dirname, '..', '..', 'testdata', 'rules', 'settings.json'), 'utf8'));
const spans = JSON.parse(readFileSync(join(__dirname, '..', '..', 'testdata', 'rules', 'spans.json'), 'utf8'));
const accepted = (c: RuleCase) => c.seconds !== undefined || c.valid === true;
/** What the field shows: nothing when accepted, the shared text when the case names one. */
const shown = (problem: string | undefined, c: RuleCase) => {
  expect(problem === undefined).toBe(accepted(c));
  if (c.message !== undefined) {
    expect(problem).toBe(c.message);
  }
};
const named = (cases: RuleCase[]) => cases.map((c) => [JSON.stringify(c.input), c] as const);

describe('the rules the backend enforces too', () => {
  it.each(named(table.minStep))('min step %s', (_, c) => {
    shown(validateMinStep(String(c.input)), c);
    if (c.seconds !== undefined) {
      expect(parseDuration(String(c.input))).toEqual({ seconds: c.seconds });
    }
  });

  it.each(named(table.timeShift))('time shift %s', (_, c) => {
    shown(validateTimeShift(String(c.input)), c);
    if (c.seconds !== undefined && c.input !== '') {
      expect(parseDuration(String(c.input))).toEqual({ seconds: c.seconds });
    }
  });

  it.each(named(table.tenantId))('tenant ID %s', (_, c) => {
    shown(validateTenantId(String(c.input)), c);
  });

  it.each(named(table.url))('URL %s', (_, c) => {
    shown(validateUrl(String(c.input)), c);
  });

  it.each(named(table.maxNodes))('max nodes %s', (_, c) => {
    shown(validateMaxNodes(Number(c.input)), c);
    shown(validateQueryMaxNodes(String(c.input)), c);
  });

  it.each(named(table.seriesLimit))('series limit %s', (_, c) => {
    shown(validateLimit(String(c.input)), c);
  });

  it.each(named(table.timeout))('timeout %s', (_, c) => {
    shown(validateTimeout(Number(c.input)), c);
    if (c.input === 0) {
      expect(c.seconds).toBe(DEFAULT_TIMEOUT_SECONDS);
    }
  });

  it.each(named(spans.spanIds))('span id %s', (_, c) => {
    shown(spanIdProblem(String(c.input)), c);
  });

  it('uses the same defaults and limits', () => {
    expect({
      timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
      maxTimeoutSeconds: MAX_TIMEOUT_SECONDS,
      minStepSeconds: DEFAULT_MIN_STEP_SECONDS,
      maxNodes: DEFAULT_MAX_NODES,
      maxNodesCap: MAX_NODES_LIMIT,
      maxSeriesLimit: MAX_SERIES_LIMIT,
    }).toEqual(table.defaults);
  });
});
