/**
 * A small stand-in for Grafana's TemplateSrv with the parts of `replace` the
 * datasource relies on: `$v`, `${v}`, `${v:regex}`, a format function, All values.
 */
import { ScopedVars, TypedVariableModel } from '@grafana/data';
import { TemplateSrv } from '@grafana/runtime';

export interface FakeVariable {
  value: string | string[];
  /** The custom "All" value, e.g. `.*`; used as-is when the variable is set to All. */
  allValue?: string;
  /** Every option, used for All without a custom all value. */
  options?: string[];
}

const GRAFANA_REGEX_ESCAPE = /[\\^$*+?.()|[\]{}/]/g;

function grafanaRegex(value: string | string[]): string {
  const list = (Array.isArray(value) ? value : [value]).map((v) => v.replace(GRAFANA_REGEX_ESCAPE, '\\$&'));
  return list.length === 1 ? list[0] : `(${list.join('|')})`;
}

export function fakeTemplateSrv(vars: Record<string, FakeVariable>): TemplateSrv {
  const replace = (target?: string, _scoped?: ScopedVars, format?: string | Function): string =>
    (target ?? '').replace(/\$(\w+)|\$\{(\w+)(?::(\w+))?\}/g, (match, plain, braced, fmt) => {
      const variable = vars[plain ?? braced];
      if (!variable) {
        return match;
      }
      const isAll = variable.value === '$__all' || (Array.isArray(variable.value) && variable.value[0] === '$__all');
      if (isAll && variable.allValue) {
        return variable.allValue;
      }
      const value = isAll ? (variable.options ?? []) : variable.value;
      if (fmt === 'regex') {
        return grafanaRegex(value);
      }
      // A format named in the variable wins over the format argument, as in Grafana.
      if (fmt) {
        return Array.isArray(value) ? value.join(',') : value;
      }
      if (typeof format === 'function') {
        return format(value);
      }
      return Array.isArray(value) ? `{${value.join(',')}}` : value;
    });
  return {
    replace,
    getVariables: () => Object.keys(vars).map((name) => ({ name }) as TypedVariableModel),
    containsTemplate: (t?: string) => /\$/.test(t ?? ''),
    updateTimeRange: () => {},
  } as unknown as TemplateSrv;
}
