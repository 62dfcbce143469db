// A 100,000-long reply chain from a real backend (json-server) on the release
// build: drawn as far as the indentation cap with "Continue this thread", and a
// permalink to its very last comment opens it in place. Nothing overflows.
// Then a long chain in a nested backend's answer (Remark42's tree shape).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
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

/** A chain `n` comments long as Remark42 answers `find?format=tree`. */
function remark42Chain(n) {
  const open = Array.from({ length: n }, (_, i) =>
    `{"comment": {"id": "r${i}", "user": {"name": "Writer ${i}"}, "text": "<p>deeper</p>", "time": "2024-05-01T10:00:00Z"}, "replies": [`);
  return `{"comments": [${open.join('')}${']}'.repeat(n)}]}`;
}

// Remark42 itself is a Go binary this machine cannot fetch; its answer is
// served as recorded shapes are (crates/threadline-sync/tests/recorded).
test('a nested answer with a 490-deep chain loads (serde_json alone stops near 60); one nested past the limit says why', async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  const origin = new URL(env.url).origin;
  let answer = remark42Chain(490);
  const backend = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      return res.end();
    }
    const listing = req.method === 'GET' && req.url.startsWith('/api/v1/find?');
    res.writeHead(listing ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(listing ? answer : '{}');
  });
  await new Promise((ok) => backend.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${backend.address().port}`;
  try {
    await page.goto(`${env.url}?preset=remark42&base=${encodeURIComponent(base)}&poll=0`);
    await page.waitForSelector('.tl-continue');
    assert.equal(await page.locator('.tl-comment').count(), 7);
    assert.match(await page.locator('.tl-continue').textContent(), /Continue this thread \(483 replies\)/);
    await page.evaluate(() => { location.hash = 'c-r489'; });
    const last = page.locator('[id="c-r489"]');
    await last.waitFor();
    assert.match(await last.textContent(), /Writer 489.*deeper/s);
    assert.deepEqual(errors, []);

    answer = remark42Chain(501);
    await page.goto(`${env.url}?preset=remark42&base=${encodeURIComponent(base)}&poll=0`);
    await page.waitForSelector('.tl-error');
    assert.match(await page.locator('.tl-error').textContent(), /more than 1000 levels deep.*flat list/s);
  } finally {
    await context.close();
    backend.close();
  }
});
