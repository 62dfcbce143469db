// Shared set-up for the end-to-end tests: the system Chromium (never a
// downloaded one) driven by playwright-core, and the built dist/ on loopback.
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import { serve } from '../../tools/serve.mjs';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS = `${ROOT}tests/e2e/artifacts`;
mkdirSync(ARTIFACTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      // No omnibox popup WebUI loading beside each page (see tests/bench/big-thread.mjs).
      '--disable-features=PreloadTopChromeWebUI'],
  });
}

export async function serveDist() {
  const server = await serve(`${ROOT}dist`, 0);
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

/** Collects console errors and uncaught exceptions; the tests expect none. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/**
 * Registers the suite's set-up: dist/ served on loopback and one browser.
 * Fields of the returned object are filled in before the first test.
 */
export function useBrowser() {
  const env = {};
  before(async () => {
    ({ server: env.server, url: env.url } = await serveDist());
    env.browser = await launch();
  });
  // Playwright waits forever by default; a stuck step must fail the test.
  env.newContext = async (options) => {
    const context = await env.browser.newContext(options);
    context.setDefaultTimeout(15000);
    return context;
  };
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

/**
 * A screenshot of the whole page as a reader scrolling through it sees it.
 * Comment rows are `content-visibility: auto`, so a plain full-page capture
 * (taken with the viewport where it is) leaves the rows far below it blank;
 * the viewport is made as tall as the page for the capture, then restored.
 */
export async function wholePageShot(page, path) {
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.min(height, 16000) });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  await page.screenshot({ path, fullPage: true });
  await page.setViewportSize(size);
}
