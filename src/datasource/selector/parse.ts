/**
 * Parser and validator for label selectors. Errors carry the position of the
 * offending character so the editor can say exactly where the selector goes wrong.
 */
import { isLabelNameToken, isRegexOp, labelNameOf, Token, tokenize } from './tokenize';

export type MatchOp = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  op: MatchOp;
  /** Unescaped value. */
  value: string;
  /** The value token (quotes included), for rewriting the value in place. */
  valueStart: number;
  valueEnd: number;
}

export interface SelectorError {
  message: string;
  /** 0-based character offset. */
  position: number;
}

export interface ParsedSelector {
  matchers: Matcher[];
  error?: SelectorError;
}

const HAS_VARIABLE = /\$\w|\$\{|\[\[/;

export function hasTemplateVariable(text: string): boolean {
  return HAS_VARIABLE.test(text);
}

/**
 * A selector that is one template variable, e.g. a textbox variable `$left_selector`
 * holding a whole selector: valid here, checked by the backend once interpolated.
 */
export function isVariableSelector(text: string): boolean {
  const tokens = tokenize(text);
  return tokens.length === 1 && tokens[0].kind === 'variable';
}

function fail(matchers: Matcher[], message: string, position: number): ParsedSelector {
  return { matchers, error: { message: `${message} (at character ${position + 1})`, position } };
}

function describe(token: Token | undefined): string {
  return token ? `"${token.text}"` : 'the end';
}

export function parseSelector(text: string): ParsedSelector {
  const matchers: Matcher[] = [];
  if (text.trim() === '') {
    return { matchers, error: { message: 'Enter a label selector, e.g. {service_name="my-service"}', position: 0 } };
  }
  if (isVariableSelector(text)) {
    return { matchers };
  }
  const tokens = tokenize(text);
  let i = 0;
  const first = tokens[0];
  if (first.kind !== 'lbrace') {
    return fail(matchers, `A selector starts with "{", found ${describe(first)}`, first.start);
  }
  i++;
  for (;;) {
    let token = tokens[i];
    if (!token) {
      return fail(matchers, 'Missing closing "}"', text.length);
    }
    if (token.kind === 'rbrace') {
      i++;
      break;
    }
    if (token.kind === 'variable') {
      // A whole matcher from a variable (e.g. an ad-hoc style `$filters`): checked after interpolation.
      i++;
    } else {
      if (!isLabelNameToken(token, tokens[i - 1])) {
        return fail(matchers, `Expected a label name, found ${describe(token)}`, token.start);
      }
      if (token.kind === 'string' && !token.closed) {
        return fail(matchers, 'Missing closing quote of the label name', token.start);
      }
      const name = labelNameOf(token);
      if (name === '') {
        return fail(matchers, 'A quoted label name cannot be empty', token.start);
      }
      const op = tokens[i + 1];
      if (!op || op.kind !== 'op') {
        return fail(
          matchers,
          `Expected an operator (=, !=, =~, !~) after "${name}", found ${describe(op)}`,
          op ? op.start : text.length
        );
      }
      const value = tokens[i + 2];
      if (!value || value.kind !== 'string') {
        const hint = value && (value.kind === 'name' || value.kind === 'variable') ? '; put it in quotes' : '';
        return fail(
          matchers,
          `Expected a quoted value after "${name}${op.text}", found ${describe(value)}${hint}`,
          value ? value.start : text.length
        );
      }
      if (!value.closed) {
        return fail(matchers, 'Missing closing quote', value.start);
      }
      const regexError = isRegexOp(op.text) ? checkRegex(value.value ?? '') : undefined;
      if (regexError) {
        return fail(matchers, `Invalid regular expression for "${name}": ${regexError}`, value.start);
      }
      matchers.push({
        name,
        op: op.text as MatchOp,
        value: value.value ?? '',
        valueStart: value.start,
        valueEnd: value.end,
      });
      i += 3;
    }
    token = tokens[i];
    if (token?.kind === 'comma') {
      i++;
    } else if (!token) {
      return fail(matchers, 'Missing closing "}"', text.length);
    } else if (token.kind !== 'rbrace') {
      return fail(matchers, `Expected "," or "}", found ${describe(token)}`, token.start);
    }
  }
  if (i < tokens.length) {
    return fail(matchers, `Unexpected ${describe(tokens[i])} after the closing "}"`, tokens[i].start);
  }
  return { matchers };
}

function checkRegex(value: string): string | undefined {
  if (hasTemplateVariable(value)) {
    return undefined;
  }
  try {
    new RegExp(value);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : String(e);
  }
}

/** The first exact `service_name="…"` value, which Pyroscope 2 needs to read fresh data. */
export function serviceNameOf(selector: string): string | undefined {
  return parseSelector(selector).matchers.find((m) => m.name === 'service_name' && m.op === '=')?.value;
}
