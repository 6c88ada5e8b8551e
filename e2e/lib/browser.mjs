// Launches Debian's chromium through playwright-core with a fresh profile. A missing
// browser is a test failure with a clear message, never a skip.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROMIUM (or the older CHROMIUM_PATH) points at a Chromium of your own; Debian's is the default. */
export function chromiumPath() {
  return process.env.CHROMIUM || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/**
 * Waits in the specs only guard against a hang: they are no speed limit, since
 * a busy machine may take many times longer than a quiet one.
 */
export const HANG_TIMEOUT_MS = 5 * 60 * 1000;

/**
 * Returns { context, page, close }. `page` collects uncaught page errors and console
 * errors in `page.errors` so a spec can assert the page stayed healthy.
 */
export async function launch({ width = 1200, height = 800 } = {}) {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install Debian's chromium (apt-get install chromium, or run scripts/ensure-chromium.sh) or set CHROMIUM to a Chromium binary.`
    );
  }
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'embers-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width, height },
    acceptDownloads: true,
  });
  context.setDefaultTimeout(HANG_TIMEOUT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  page.errors = [];
  page.on('pageerror', (err) => page.errors.push(`page error: ${err.message}`));
  page.on('response', (response) => {
    // Grafana's web fonts (Inter, Roboto Mono) ship with Grafana, not in any package:
    // the browser falls back to the next font in the stack.
    if (response.status() >= 400 && !response.url().includes('/public/fonts/')) {
      page.errors.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  page.on('console', (msg) => {
    // A failed request is reported above with its URL.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      page.errors.push(`console error: ${msg.text()}`);
    }
  });
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
