/**
 * Completion for the selector input: what the cursor is on (a label name, an
 * operator or a value), which suggestions fit, and how accepting one rewrites the text.
 */
import {
  escapeRegex,
  formatLabelName,
  isLabelNameToken,
  isRegexOp,
  labelNameOf,
  quoteValue,
  Token,
  tokenize,
} from './tokenize';

export type CompletionContext =
  | { kind: 'none' }
  | { kind: 'labelName'; prefix: string; from: number; to: number }
  | { kind: 'operator'; from: number; to: number; labelName: string }
  | { kind: 'labelValue'; prefix: string; from: number; to: number; labelName: string; op: string };

export interface Suggestion {
  /** What the list shows. */
  label: string;
  /** What replaces `from..to`. */
  insert: string;
  /** Where the cursor goes, relative to `from`; default after the insert. */
  cursorOffset?: number;
  detail?: string;
}

export const OPERATORS: Array<{ op: string; detail: string }> = [
  { op: '=', detail: 'equals' },
  { op: '!=', detail: 'does not equal' },
  { op: '=~', detail: 'matches regex' },
  { op: '!~', detail: 'does not match regex' },
];

export function getCompletionContext(text: string, cursor: number): CompletionContext {
  const tokens = tokenize(text);
  // The token the cursor is in or touching from the right, and everything before it.
  const before: Token[] = tokens.filter((t) => t.start < cursor);
  const current = before[before.length - 1];
  if (!current || !tokens.some((t) => t.kind === 'lbrace' && t.start < cursor)) {
    return { kind: 'none' };
  }
  const previous = before[before.length - 2];
  const beforePrevious = before[before.length - 3];
  const touching = current.end >= cursor;
  const startsMatcher = previous?.kind === 'lbrace' || previous?.kind === 'comma';
  const inside = cursor < current.end || !current.closed;

  if (current.kind === 'string' && startsMatcher && (inside || cursor === current.end)) {
    // A quoted label name being typed: `{"k8s.na|`.
    const prefix = unescapedPrefix(current, cursor);
    const to = current.closed ? current.end : cursor + (/^[^=!,}\s]*/.exec(text.slice(cursor))?.[0].length ?? 0);
    return { kind: 'labelName', prefix, from: current.start, to };
  }
  if (current.kind === 'string' && inside) {
    if (previous?.kind === 'op' && isLabelNameToken(beforePrevious, before[before.length - 4])) {
      const prefix = unescapedPrefix(current, cursor);
      // An unclosed string runs to the end of the text; a pick replaces only the value being typed.
      const to = current.closed ? current.end : cursor + (/^[^,}\s]*/.exec(text.slice(cursor))?.[0].length ?? 0);
      return {
        kind: 'labelValue',
        prefix,
        from: current.start,
        to,
        labelName: labelNameOf(beforePrevious),
        op: previous.text,
      };
    }
    return { kind: 'none' };
  }
  const isName = isLabelNameToken(current, previous);
  if (current.kind === 'name' && touching && startsMatcher) {
    return { kind: 'labelName', prefix: text.slice(current.start, cursor), from: current.start, to: current.end };
  }
  if (isName && !touching) {
    return { kind: 'operator', from: cursor, to: cursor, labelName: labelNameOf(current) };
  }
  if ((current.kind === 'lbrace' || current.kind === 'comma') && current.end <= cursor) {
    return { kind: 'labelName', prefix: '', from: cursor, to: cursor };
  }
  const previousIsName = isLabelNameToken(previous, beforePrevious);
  if (current.kind === 'op' && previousIsName) {
    // Right after `=` the user may still type `~`: value suggestions replace nothing yet.
    return {
      kind: 'labelValue',
      prefix: '',
      from: cursor,
      to: cursor,
      labelName: labelNameOf(previous),
      op: current.text,
    };
  }
  if ((current.kind === 'invalid' && current.text === '!') || (current.kind === 'op' && touching)) {
    const name = previousIsName ? labelNameOf(previous) : '';
    return { kind: 'operator', from: current.start, to: current.end, labelName: name };
  }
  return { kind: 'none' };
}

function unescapedPrefix(token: Token, cursor: number): string {
  const raw = token.text.slice(1, cursor - token.start);
  return tokenize(`"${raw}"`)[0]?.value ?? raw;
}

export interface CompletionSources {
  labelNames: string[];
  labelValues: string[];
  /** Template variable names without `$`. */
  variables: string[];
}

/** The suggestions for a context; label names that are typed out in full lead to operators. */
export function getSuggestions(ctx: CompletionContext, sources: CompletionSources): Suggestion[] {
  switch (ctx.kind) {
    case 'labelName': {
      const prefix = ctx.prefix.toLowerCase();
      if (ctx.prefix && sources.labelNames.includes(ctx.prefix)) {
        return operatorSuggestions();
      }
      return sources.labelNames
        .filter((n) => n.toLowerCase().startsWith(prefix))
        .map((n) => ({ label: n, insert: formatLabelName(n), detail: 'label' }));
    }
    case 'operator':
      return operatorSuggestions();
    case 'labelValue': {
      const regex = isRegexOp(ctx.op);
      const prefix = ctx.prefix.toLowerCase();
      const values = sources.labelValues
        .filter((v) => v.toLowerCase().includes(prefix))
        .map((v) => ({ label: v, insert: quoteValue(regex ? escapeRegex(v) : v), detail: 'value' }));
      const variables = sources.variables
        .map((name) => (regex ? `\${${name}:regex}` : `$${name}`))
        .filter((v) => v.toLowerCase().includes(prefix))
        .map((v) => ({ label: v, insert: quoteValue(v), detail: 'variable' }));
      return [...values, ...variables];
    }
    default:
      return [];
  }
}

function operatorSuggestions(): Suggestion[] {
  return OPERATORS.map(({ op, detail }) => ({ label: op, insert: op, detail }));
}

/** Applies a suggestion; returns the new text and where the cursor goes. */
export function applySuggestion(
  text: string,
  ctx: CompletionContext,
  suggestion: Suggestion
): { text: string; cursor: number } {
  if (ctx.kind === 'none') {
    return { text, cursor: text.length };
  }
  // A typed-out label name followed by an operator pick: insert after the name.
  const from = ctx.kind === 'labelName' && OPERATORS.some((o) => o.op === suggestion.insert) ? ctx.to : ctx.from;
  const to = ctx.to;
  const next = text.slice(0, from) + suggestion.insert + text.slice(to);
  return { text: next, cursor: from + (suggestion.cursorOffset ?? suggestion.insert.length) };
}
