// A 100,000-long reply chain from a real backend (json-server) renders on the
// release build: every level present, indentation capped, nothing overflows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, watchErrors, ROOT } from './browser.mjs';
import { jsonServer, stop } from './peers.mjs';

const env = useBrowser();
const DEPTH = 100_000;
// The demo page shows the seed's thread id, so the chain is filed under it.
const { thread } = JSON.parse(readFileSync(`${ROOT}seed/asbarez.json`, 'utf8'));

test(`a ${DEPTH.toLocaleString('en')}-deep reply chain renders completely`, async () => {
  const rows = Array.from({ length: DEPTH }, (_, i) => ({
    id: `d${i}`, thread, parentId: i ? `d${i - 1}` : null, author: `Writer ${i}`, body: 'deeper', createdAt: i,
  }));
  const js = await jsonServer(rows);
  const context = await env.newContext();
  context.setDefaultTimeout(120000);
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(`${env.url}?preset=json-server&base=${encodeURIComponent(js.base)}&poll=0&timeout=60000`);
    await page.waitForSelector(`[id="c-d${DEPTH - 1}"]`, { state: 'attached' });
    assert.equal(await page.locator('.tl-comment').count(), DEPTH);
    const last = page.locator(`[id="c-d${DEPTH - 1}"]`);
    assert.equal(await last.getAttribute('data-depth'), String(DEPTH - 1));
    assert.equal(await last.getAttribute('data-indent'), '6');
    assert.match(await last.textContent(), new RegExp(`reply to Writer ${DEPTH - 2}`));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await stop(js.child);
  }
});
