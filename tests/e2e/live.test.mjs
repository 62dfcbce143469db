// An open thread stays current: comments posted elsewhere appear, marked as
// new, without touching what the reader has open (collapsed threads, a reply
// being written, the scroll position).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, watchErrors, ARTIFACTS, ROOT } from './browser.mjs';
import { referenceServer } from './refserver.mjs';

const seed = JSON.parse(readFileSync(`${ROOT}seed/asbarez.json`, 'utf8'));
const env = useBrowser();
let ref;
before(async () => { ref = await referenceServer(); });
after(async () => { await ref?.stop(); });

const row = (page, id) => page.locator(`[id="c-${id}"]`);

async function postElsewhere(parent, body) {
  const res = await fetch(`${ref.url}api/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Client-Id': `other-reader-${body.length}` },
    body: JSON.stringify({ thread: seed.thread, parent, author: 'Lusine', body }),
  });
  const text = await res.text();
  assert.equal(res.status, 201, text);
  return JSON.parse(text).comment.id;
}

test('new comments from other readers appear in place, marked new, nothing else moves', async () => {
  const context = await env.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${ref.url}?poll=400`);
  await page.waitForSelector('.tl-comment');
  await row(page, '8').locator('.tl-toggle').click();
  await row(page, '7.2').locator('.tl-reply').click();
  await row(page, '7.2').locator('.tl-text').fill('Half-written thought');
  await row(page, '7.2').scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);

  const reply = await postElsewhere('7', 'Posted from another browser, under Sokimag.');
  const hidden = await postElsewhere('8.1', 'A reply inside a collapsed thread.');
  await page.waitForSelector(`[id="c-${reply}"]`);
  // The two may arrive with different polls: wait for the second one too.
  await page.waitForFunction(() => document.querySelector('.tl-count')?.textContent === '17 comments');
  assert.equal(await row(page, reply).getAttribute('data-depth'), '1');
  assert.equal(await row(page, reply).locator('.tl-fresh').textContent(), 'New');
  assert.equal(await row(page, '8').locator('.tl-toggle').textContent(), '[+] 2 replies', 'collapsed stays collapsed, count updated');
  assert.equal(await row(page, hidden).count(), 0);
  assert.equal(await row(page, '7.2').locator('.tl-text').inputValue(), 'Half-written thought');
  assert.equal(await page.evaluate(() => window.scrollY), scrolled);
  assert.equal(await page.locator('.tl-count').textContent(), '17 comments');
  await row(page, reply).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/30-live.png` });
  assert.deepEqual(errors, []);
  await context.close();
});

test('with the server\'s event stream a new comment arrives at once, no polling needed', async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    let lists = 0;
    page.on('request', (r) => { if (r.url().includes('/api/comments?')) lists += 1; });
    // Polling every 10 minutes: anything that shows up sooner came through the stream.
    await page.goto(`${ref.url}?poll=600000`);
    await page.waitForSelector('.tl-comment');
    await page.waitForTimeout(500); // the stream says "ready"; the catch-up poll runs
    const before = lists;
    const started = Date.now();
    const id = await postElsewhere('2', 'Streamed to every open page.');
    await row(page, id).waitFor({ timeout: 5000 });
    assert.ok(Date.now() - started < 5000);
    assert.equal(lists, before, 'no list request was needed');
    assert.equal(await row(page, id).getAttribute('data-depth'), '1');
    assert.match(await row(page, id).locator('.tl-fresh').textContent(), /New/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
