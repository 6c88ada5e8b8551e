/**
 * Tokenizer for Prometheus-style label selectors (`{name="value", other=~"re.*"}`).
 * Every token keeps its position so the editor can tell where the cursor is
 * (label name, operator or value) and point at the exact spot of a syntax error.
 */

export type TokenKind = 'lbrace' | 'rbrace' | 'comma' | 'name' | 'op' | 'string' | 'variable' | 'invalid';

export interface Token {
  kind: TokenKind;
  /** The token's raw text as typed. */
  text: string;
  start: number;
  /** Exclusive. */
  end: number;
  /** For strings: the text between the quotes with escapes resolved. */
  value?: string;
  /** For strings: false when the closing quote is missing. */
  closed?: boolean;
}

const NAME_START = /[a-zA-Z_]/;
/** Dots too: Pyroscope takes `service.name` unquoted as well as `"service.name"`. */
const NAME_PART = /[a-zA-Z0-9_.]/;
/** `$var`, `${var}`, `${var:format}`, `[[var]]` */
const VARIABLE = /^(\$[a-zA-Z0-9_]+|\$\{[a-zA-Z0-9_.]+(?::[a-zA-Z0-9_]+)?\}|\[\[[a-zA-Z0-9_]+(?::[a-zA-Z0-9_]+)?\]\])/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const single = ch === '{' ? 'lbrace' : ch === '}' ? 'rbrace' : ch === ',' ? 'comma' : undefined;
    if (single) {
      tokens.push({ kind: single, text: ch, start: i, end: i + 1 });
      i++;
      continue;
    }
    if (ch === '=' || ch === '!') {
      const two = text.slice(i, i + 2);
      const op = two === '=~' || two === '!=' || two === '!~' ? two : ch === '=' ? '=' : undefined;
      const len = op ? op.length : 1;
      tokens.push({ kind: op ? 'op' : 'invalid', text: text.slice(i, i + len), start: i, end: i + len });
      i += len;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      const token = readString(text, i);
      tokens.push(token);
      i = token.end;
      continue;
    }
    if (NAME_START.test(ch)) {
      let j = i + 1;
      while (j < text.length && NAME_PART.test(text[j])) {
        j++;
      }
      tokens.push({ kind: 'name', text: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    const variable = VARIABLE.exec(text.slice(i));
    if (variable) {
      const end = i + variable[0].length;
      tokens.push({ kind: 'variable', text: variable[0], start: i, end });
      i = end;
      continue;
    }
    tokens.push({ kind: 'invalid', text: ch, start: i, end: i + 1 });
    i++;
  }
  return tokens;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", '`': '`' };

function readString(text: string, start: number): Token {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === quote) {
      return { kind: 'string', text: text.slice(start, i + 1), start, end: i + 1, value, closed: true };
    }
    // Backtick strings are raw in PromQL: no escapes.
    if (ch === '\\' && quote !== '`' && i + 1 < text.length) {
      const next = text[i + 1];
      value += ESCAPES[next] ?? '\\' + next;
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  return { kind: 'string', text: text.slice(start), start, end: text.length, value, closed: false };
}

/** Quotes a label value for a selector: `a"b\c` → `"a\"b\\c"`. */
export function quoteValue(value: string): string {
  return '"' + value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n') + '"';
}

/** Escapes regex metacharacters so a literal value matches itself under `=~`. */
export function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function isRegexOp(op: string): boolean {
  return op === '=~' || op === '!~';
}

/** A name that needs no quotes in any Prometheus-style selector. */
export function isValidLabelName(name: string): boolean {
  return /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name);
}

/**
 * A label name as a selector writes it: bare when it can be, else quoted
 * (`"k8s.namespace"`), the UTF-8 form Pyroscope and OpenTelemetry names need.
 */
export function formatLabelName(name: string): string {
  return isValidLabelName(name) ? name : quoteValue(name);
}

/**
 * Whether a token stands for a label name: a bare name, or a closed quoted
 * string where a matcher starts (right after `{` or `,`).
 */
export function isLabelNameToken(token: Token | undefined, previous: Token | undefined): boolean {
  if (!token) {
    return false;
  }
  if (token.kind === 'name') {
    return true;
  }
  return token.kind === 'string' && (previous?.kind === 'lbrace' || previous?.kind === 'comma');
}

/** The label name a name token stands for, quotes and escapes resolved. */
export function labelNameOf(token: Token): string {
  return token.kind === 'string' ? (token.value ?? '') : token.text;
}
