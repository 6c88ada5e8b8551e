import React, { useCallback, useEffect, useRef, useState } from 'react';
import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Input, useStyles2 } from '@grafana/ui';

import { applySuggestion, CompletionContext, getCompletionContext, Suggestion } from '../selector';

export interface SelectorInputProps {
  value: string;
  /** Every edit, for validation; the query itself changes on blur or Shift+Enter. */
  onChange?: (text: string) => void;
  onCommit: (text: string) => void;
  /** Suggestions for a completion context (label names, operators, values). */
  loadSuggestions: (ctx: CompletionContext) => Promise<Suggestion[]>;
  placeholder?: string;
  invalid?: boolean;
  'aria-label': string;
  id?: string;
}

/**
 * A light code input for label selectors with a suggestion list: arrows move,
 * Enter or Tab accept, Escape closes, Shift+Enter runs the query.
 */
export function SelectorInput(props: SelectorInputProps) {
  const { value, onChange, onCommit, loadSuggestions } = props;
  const styles = useStyles2(getStyles);
  const inputRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(value);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(0);
  const [context, setContext] = useState<CompletionContext>({ kind: 'none' });
  const pendingCursor = useRef<number | null>(null);
  const request = useRef(0);

  // A new value from outside (a service pick, a reset) replaces the draft.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }

  useEffect(() => {
    if (pendingCursor.current !== null && inputRef.current) {
      inputRef.current.setSelectionRange(pendingCursor.current, pendingCursor.current);
      pendingCursor.current = null;
    }
  });

  const refresh = useCallback(
    (nextText: string, cursor: number) => {
      const ctx = getCompletionContext(nextText, cursor);
      const id = ++request.current;
      setContext(ctx);
      if (ctx.kind === 'none') {
        setSuggestions([]);
        return;
      }
      loadSuggestions(ctx)
        .then((list) => {
          if (id === request.current) {
            setSuggestions(list);
            setActive(0);
          }
        })
        .catch(() => id === request.current && setSuggestions([]));
    },
    [loadSuggestions]
  );

  const close = () => {
    request.current++;
    setSuggestions([]);
  };

  const accept = (s: Suggestion) => {
    const next = applySuggestion(text, context, s);
    setText(next.text);
    onChange?.(next.text);
    pendingCursor.current = next.cursor;
    refresh(next.text, next.cursor);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && e.shiftKey) {
      e.preventDefault();
      close();
      onCommit(text);
      return;
    }
    if (suggestions.length === 0) {
      return;
    }
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + suggestions.length) % suggestions.length);
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      accept(suggestions[Math.min(active, suggestions.length - 1)]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };

  const onCursorMove = (e: React.SyntheticEvent<HTMLInputElement>) => {
    const el = e.currentTarget;
    refresh(el.value, el.selectionStart ?? el.value.length);
  };

  const listId = `${props.id ?? 'embers-selector'}-suggestions`;
  return (
    <div className={styles.wrapper}>
      <Input
        ref={inputRef}
        id={props.id}
        aria-label={props['aria-label']}
        role="combobox"
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        className={styles.code}
        value={text}
        placeholder={props.placeholder}
        invalid={props.invalid}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          setText(e.currentTarget.value);
          onChange?.(e.currentTarget.value);
          onCursorMove(e);
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(e) =>
          (e.key === 'ArrowLeft' || e.key === 'ArrowRight' || e.key === 'Home' || e.key === 'End') && onCursorMove(e)
        }
        onClick={onCursorMove}
        onFocus={onCursorMove}
        onBlur={() => {
          close();
          if (text !== value) {
            onCommit(text);
          }
        }}
      />
      {suggestions.length > 0 && (
        <ul id={listId} role="listbox" aria-label="Suggestions" className={styles.list}>
          {suggestions.map((s, i) => (
            <li
              key={`${s.label}-${s.detail ?? ''}`}
              role="option"
              aria-selected={i === active}
              className={cx(styles.item, i === active && styles.active)}
              // Keep the focus in the input so a click does not count as a blur.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => accept(s)}
              onMouseEnter={() => setActive(i)}
            >
              <span>{s.label}</span>
              {s.detail && <span className={styles.detail}>{s.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrapper: css({ position: 'relative', flexGrow: 1, minWidth: 320 }),
  // 13px: at 14px common monospace fallbacks hint the underscore of service_name away.
  code: css({ input: { fontFamily: theme.typography.fontFamilyMonospace, fontSize: 13 } }),
  list: css({
    position: 'absolute',
    zIndex: theme.zIndex.dropdown,
    top: '100%',
    left: 0,
    minWidth: 240,
    maxHeight: 260,
    overflowY: 'auto',
    listStyle: 'none',
    margin: 0,
    padding: theme.spacing(0.5, 0),
    background: theme.colors.background.elevated,
    border: `1px solid ${theme.colors.border.weak}`,
    boxShadow: theme.shadows.z3,
    borderRadius: theme.shape.radius.default,
  }),
  item: css({
    display: 'flex',
    justifyContent: 'space-between',
    gap: theme.spacing(2),
    padding: theme.spacing(0.5, 1),
    cursor: 'pointer',
    fontFamily: theme.typography.fontFamilyMonospace,
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  active: css({ background: theme.colors.action.hover }),
  detail: css({ color: theme.colors.text.secondary }),
});
