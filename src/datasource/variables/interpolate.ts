/**
 * Applies template variables to selectors. Inside a regex matcher (`=~`, `!~`) a
 * multi-value or All variable becomes `(a|b)` with each value regex-escaped; inside
 * `=`/`!=` a single value stays plain, and several values (or a custom All value such
 * as `.*`) turn the matcher into its regex form so they all match. Results are re-quoted, so values with quotes or
 * backslashes stay one valid string.
 */
import { AdHocVariableFilter, ScopedVars } from '@grafana/data';
import { TemplateSrv } from '@grafana/runtime';

import {
  addMatcher,
  escapeRegex,
  hasTemplateVariable,
  isRegexOp,
  MatchOp,
  parseSelector,
  quoteValue,
} from '../selector';

/** `${var:format}` or `[[var:format]]`: the variable names its own format. */
const EXPLICIT_FORMAT = /\$\{[^}]*:[^}]*\}|\[\[[^\]]*:[^\]]*\]\]/;

type FormatValue = string | number | boolean | Array<string | number | boolean> | undefined | null;

function asList(value: FormatValue): string[] {
  if (value === undefined || value === null) {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).map(String);
}

export function regexFormat(value: FormatValue): string {
  const list = asList(value);
  if (list.length === 1) {
    return escapeRegex(list[0]);
  }
  return `(${list.map(escapeRegex).join('|')})`;
}

function plainFormat(value: FormatValue): string {
  return asList(value).join(',');
}

export function interpolateSelector(selector: string, templateSrv: TemplateSrv, scopedVars?: ScopedVars): string {
  if (!hasTemplateVariable(selector)) {
    return selector;
  }
  const parsed = parseSelector(selector);
  if (parsed.error) {
    // Leave the validation to the backend, which answers this query with its own error.
    return templateSrv.replace(selector, scopedVars);
  }
  let out = '';
  let last = 0;
  for (const m of parsed.matchers) {
    const nameAndOp = selector.slice(last, m.valueStart);
    let op: MatchOp = m.op;
    let value = m.value;
    if (hasTemplateVariable(value)) {
      if (isRegexOp(op)) {
        value = templateSrv.replace(value, scopedVars, regexFormat);
      } else {
        let multi = false;
        let formatted = false;
        const replaced = templateSrv.replace(value, scopedVars, (v: FormatValue) => {
          formatted = true;
          const list = asList(v);
          multi = multi || list.length > 1;
          return list.length > 1 ? regexFormat(list) : plainFormat(list);
        });
        // Grafana puts a custom All value (e.g. `.*`) in as it is, without calling the
        // format: it is a regex, so the matcher must be one too. Explicit formats
        // (`${v:csv}`) skip the format function as well and keep their operator.
        if (!formatted && replaced !== value && !EXPLICIT_FORMAT.test(value)) {
          multi = true;
        }
        value = replaced;
        if (multi) {
          op = op === '=' ? '=~' : '!~';
        }
      }
    }
    const head = templateSrv.replace(nameAndOp, scopedVars);
    out += op === m.op ? head : head.replace(/(=|!=)\s*$/, op);
    out += quoteValue(value);
    last = m.valueEnd;
  }
  return out + templateSrv.replace(selector.slice(last), scopedVars);
}

/** Ad-hoc filters as matchers; operators a selector cannot express are skipped. */
export function applyAdHocFilters(selector: string, filters: AdHocVariableFilter[] | undefined): string {
  let out = selector;
  for (const f of filters ?? []) {
    const op = f.operator;
    if (op === '=' || op === '!=' || op === '=~' || op === '!~') {
      out = addMatcher(out, { key: f.key, op, value: f.value });
    } else if ((op === '=|' || op === '!=|') && f.values?.length) {
      out = addMatcher(out, { key: f.key, op: op === '=|' ? '=~' : '!~', value: regexFormat(f.values) });
    }
  }
  return out;
}
