// Helpers shared by the specs: one browser per spec file, pages opened by name.
import { after, before } from 'node:test';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { HANG_TIMEOUT_MS, launch } from './browser.mjs';

export function baseUrl() {
  const url = process.env.E2E_BASE_URL;
  if (!url) {
    throw new Error('E2E_BASE_URL is not set: run the browser tests with `npm run e2e`.');
  }
  return url;
}

/**
 * Registers before/after hooks; returns a getter for the shared page. When the
 * browser cannot start, every test fails with the reason (so the summary counts them).
 */
export function useBrowser(options) {
  let session;
  let launchError;
  before(async () => {
    session = await launch(options).catch((err) => {
      launchError = err;
      return undefined;
    });
  });
  after(async () => {
    await session?.close();
  });
  return () => {
    if (launchError) {
      throw launchError;
    }
    return session.page;
  };
}

/** Opens a harness page, e.g. openPage(page, 'panel', { frame: 'demo-cpu' }), and waits for `readySelector`. */
export async function openPage(page, name, params = {}, readySelector) {
  page.errors.length = 0;
  const query = new URLSearchParams(params).toString();
  await page.goto(`${baseUrl()}/${name}.html${query ? `?${query}` : ''}`);
  if (readySelector) {
    await page.waitForSelector(`${readySelector}, [data-testid="harness-error"]`, { timeout: HANG_TIMEOUT_MS }).catch((err) => {
      throw new Error(`${name} never showed ${readySelector}; page errors: ${page.errors.join(' | ') || 'none'}`, {
        cause: err,
      });
    });
    const fatal = await page.$('[data-testid="harness-error"]');
    if (fatal) {
      throw new Error(`harness page failed: ${await fatal.textContent()}`);
    }
  }
}

/** Writes a screenshot to docs/img/<name>.png when E2E_SCREENSHOTS=1. */
export async function maybeScreenshot(locatorOrPage, name) {
  if (process.env.E2E_SCREENSHOTS !== '1') {
    return;
  }
  const dir = path.join(process.env.E2E_REPO_ROOT ?? process.cwd(), 'docs', 'img');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, `${name}.png`), await locatorOrPage.screenshot());
}
