// A 100,000-long reply chain from a real backend (json-server) on the release
// build: drawn as far as the indentation cap with "Continue this thread", and a
// permalink to its very last comment opens it in place. Nothing overflows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, watchErrors, ROOT } from './browser.mjs';
import { jsonServer, stop } from './peers.mjs';

const env = useBrowser();
const DEPTH = 100_000;
// The demo page shows the seed's thread id, so the chain is filed under it.
const { thread } = JSON.parse(readFileSync(`${ROOT}seed/asbarez.json`, 'utf8'));

test(`a ${DEPTH.toLocaleString('en')}-deep reply chain continues in place and its end is one permalink away`, async () => {
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
    await page.waitForSelector('.tl-continue');
    assert.equal(await page.locator('.tl-comment').count(), 7);
    assert.match(await page.locator('.tl-continue').textContent(), /Continue this thread \(99,?993 replies\)/);
    await page.locator('.tl-continue button').click();
    await page.waitForSelector('[id="c-d12"]');
    assert.equal(await page.locator('.tl-rows > li').first().getAttribute('id'), 'c-d6');
    await page.evaluate((id) => { location.hash = `c-${id}`; }, `d${DEPTH - 1}`);
    const last = page.locator(`[id="c-d${DEPTH - 1}"]`);
    await last.waitFor();
    assert.match(await last.getAttribute('class'), /tl-target/);
    assert.ok(Number(await last.getAttribute('data-indent')) <= 6);
    assert.ok(await page.locator('.tl-comment').count() <= 8, 'only the window around it is drawn');
    await page.locator('.tl-whole').click();
    await page.waitForSelector('[id="c-d0"]');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await stop(js.child);
  }
});
