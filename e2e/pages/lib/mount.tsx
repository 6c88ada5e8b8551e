import { createTheme, ThemeContext } from '@grafana/data';
import { GlobalStyles } from '@grafana/ui';
import React from 'react';
import { createRoot } from 'react-dom/client';

/** Mounts a harness page inside Grafana's theme and global styles (dark unless `?theme=light`). */
export function mount(element: React.ReactElement) {
  const params = new URLSearchParams(window.location.search);
  const theme = createTheme({ colors: { mode: params.get('theme') === 'light' ? 'light' : 'dark' } });
  document.body.style.background = theme.colors.background.primary;
  document.body.style.color = theme.colors.text.primary;
  document.body.style.fontFamily = theme.typography.fontFamily;
  document.body.style.fontSize = `${theme.typography.fontSize}px`;
  const root = createRoot(document.getElementById('root')!);
  // Grafana's global styles (box sizing, fonts, colours), as in a real dashboard.
  root.render(
    <ThemeContext.Provider value={theme}>
      <GlobalStyles />
      {element}
    </ThemeContext.Provider>
  );
}

/** Reports an error the page could not recover from where the spec can read it. */
export function showFatal(message: string) {
  const box = document.createElement('pre');
  box.setAttribute('data-testid', 'harness-error');
  box.textContent = message;
  document.body.prepend(box);
}
