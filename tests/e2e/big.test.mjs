// A 10,000-comment thread (tools/gen-thread.mjs, fixed seed) from the
// reference server: paging, "more replies", "Continue this thread",
// permalinks and sorting all work on it. Timing is the benchmark's business
// (tests/bench/big-thread.mjs); this only checks behaviour.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, watchErrors, ROOT, ARTIFACTS } from './browser.mjs';
import { referenceServer } from './refserver.mjs';

const env = useBrowser();
const THREAD = 'bench/10000';
const doc = JSON.parse(execFileSync('node', [`${ROOT}tools/gen-thread.mjs`, '--n', '10000', '--seed', '7', '--thread', THREAD], { maxBuffer: 64 << 20 }));
let ref;
// The first page as the widget asks for it: 20 threads, at most 15 comments
// each, of each only what the first screen shows (3 replies a level, 6 deep).
let firstPage;
before(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'tl-big-')), 'thread.json');
  writeFileSync(file, JSON.stringify(doc));
  ref = await referenceServer(['--seed', file]);
  firstPage = await (await fetch(`${ref.url}api/comments?thread=${encodeURIComponent(THREAD)}&limit=20&max=300&replies=3&depth=6`)).json();
});
after(async () => { await ref?.stop(); });

/** How many comments the first `n` top-level threads hold, replies and all. */
function threadSizes(n) {
  const kids = new Map();
  for (const c of doc.comments) if (c.parent) kids.set(c.parent, [...(kids.get(c.parent) ?? []), c.id]);
  const stack = doc.comments.filter((c) => !c.parent).slice(0, n).map((c) => c.id);
  let count = 0;
  while (stack.length) { count += 1; stack.push(...(kids.get(stack.pop()) ?? [])); }
  return count;
}

/** Comments below `id` not shown when its first `shown` replies (oldest first) are. */
function hiddenAfter(id, shown) {
  const kids = doc.comments.filter((c) => c.parent === id).sort((a, b) => a.created_ms - b.created_ms);
  const size = (c) => 1 + doc.comments.filter((d) => d.parent === c.id).reduce((n, d) => n + size(d), 0);
  return kids.slice(shown).reduce((n, c) => n + size(c), 0);
}

/** Until every page of the thread is in (the first screen comes before the rest). */
const whole = (page, count = '10,000 comments') => page.waitForFunction(
  (c) => document.querySelector('.tl-count')?.textContent === c && !document.querySelector('.tl-status'),
  count, { timeout: 30000 });
/** The same, with as many comments as the server has now (a test before may have posted one). */
const wholeNow = async (page) => {
  const { total } = await (await fetch(`${ref.url}api/comments?thread=${encodeURIComponent(THREAD)}&limit=1`)).json();
  return whole(page, `${total.toLocaleString('en')} comments`);
};
const topLevel = (page) => page.locator('.tl-rows > li.tl-comment[data-depth="0"]').count();

test('10,000 comments: pages, more replies, continue-thread, permalinks and sorting', async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(`${ref.url}?thread=${encodeURIComponent(THREAD)}&poll=0`);
    await whole(page);
    const roots = doc.comments.filter((c) => !c.parent).length;
    assert.equal(await topLevel(page), 20);
    // It says what one press shows, not all that are left.
    assert.ok(roots > 40);
    assert.equal(await page.locator('.tl-more-top').textContent(), 'Show 20 more comments');
    assert.ok(await page.locator('.tl-comment').count() < 400, 'only a first screen is drawn');
    // From the keyboard: focus moves to the first comment it opened, not past them all.
    const lastShown = await page.locator('.tl-more-top').evaluate((li) => li.previousElementSibling.id);
    await page.locator('.tl-more-top button').press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.tl-rows > li.tl-comment[data-depth="0"]').length === 40);
    await page.waitForFunction((id) => document.activeElement === document.getElementById(id)?.nextElementSibling, lastShown);
    assert.match(await page.evaluate(() => document.activeElement.className), /tl-comment/);

    // "N more replies" opens the next replies of that comment, in place.
    const more = page.locator('.tl-more-replies').first();
    const parent = (await more.getAttribute('id')).slice('tl-more-'.length);
    const before = await page.locator(`.tl-comment[data-depth]`).count();
    const lastReply = await more.evaluate((li) => li.previousElementSibling.id);
    await more.locator('button').press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.tl-comment').length > n, before);
    await page.waitForFunction((id) => document.activeElement === document.getElementById(id)?.nextElementSibling, lastReply);
    assert.equal(await page.evaluate((p) => document.activeElement.id !== `c-${p}` && document.activeElement.classList.contains('tl-comment'), parent), true);
    assert.ok(await page.locator(`[id="c-${parent}"]`).count() === 1);

    // "Continue this thread" opens a deep chain in place; back returns.
    const cont = page.locator('.tl-continue').first();
    const from = (await cont.getAttribute('id')).slice('tl-continue-'.length);
    await cont.locator('button').click();
    await page.waitForFunction((id) => document.querySelector('.tl-rows > li')?.id === `c-${id}`, from);
    assert.equal(await page.locator(`[id="c-${from}"]`).getAttribute('data-depth'), '0');
    // Focus on the way back, the first stop before the chain's comments.
    await page.waitForFunction(() => document.activeElement?.className === 'tl-whole');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'tl-toggle', 'then the first comment');
    await page.locator('.tl-whole').press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.tl-rows > li.tl-comment[data-depth="0"]').length >= 20);
    // Focus goes back to the "Continue this thread" the reader took.
    await page.waitForFunction((id) => document.activeElement?.closest('li')?.id === `tl-continue-${id}`, from);

    // A permalink to the last comment of the thread (far beyond every page).
    const last = doc.comments[doc.comments.length - 1].id;
    assert.equal(await page.locator(`[id="c-${last}"]`).count(), 0);
    await page.evaluate((id) => { location.hash = `c-${id}`; }, last);
    await page.locator(`[id="c-${last}"].tl-target`).waitFor();
    await page.reload(); // and as a link opened fresh
    await page.locator(`[id="c-${last}"].tl-target`).waitFor();
    // Focused, and on screen once the rows above it have their real heights.
    await page.waitForFunction((id) => document.activeElement?.id === `c-${id}`, last);
    await page.waitForTimeout(100);
    const box = await page.locator(`[id="c-${last}"]`).boundingBox();
    const height = page.viewportSize().height;
    assert.ok(box.y >= 0 && box.y + Math.min(box.height, 200) <= height, `the comment at ${box.y} px of ${height}`);

    // Newest first: the first top-level comment is the newest one.
    await page.evaluate(() => { location.hash = ''; });
    await page.locator('.tl-sort-top').selectOption('newest');
    const newest = doc.comments.filter((c) => !c.parent).sort((a, b) => b.created_ms - a.created_ms)[0].id;
    await page.waitForFunction((id) => document.querySelector('.tl-rows > li.tl-comment[data-depth="0"]')?.id === `c-${id}`, newest);
    await page.locator('.tl-sort-top').selectOption('oldest');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('10,000 comments: the first screen comes from a small prefetched page, the rest follows (and is retried); a reply streamed meanwhile lands under its parent', async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  const lists = [];
  page.on('request', (r) => { if (r.url().includes('/api/comments?')) lists.push(new URL(r.url()).search); });
  // The rest is held back, and its first attempt fails, so the first screen can be seen alone.
  let release;
  const held = new Promise((ok) => { release = ok; });
  let failed = false;
  // Whether the page script started the first page, and whether the widget took it.
  await page.addInitScript(() => {
    let v;
    Object.defineProperty(window, '__threadlinePrefetch', {
      configurable: true, get() { return v; }, set(x) { window.__prefetchStarted = true; v = x; },
    });
  });
  await page.route(/\/api\/comments\?.*offset=/, async (route) => {
    await held;
    if (!failed) {
      failed = true;
      return route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"message":"busy"}}' });
    }
    return route.continue();
  });
  try {
    // Polls only every minute, but the event stream is followed.
    await page.goto(`${ref.url}?thread=${encodeURIComponent(THREAD)}&poll=60000`);
    await page.locator('.tl-status', { hasText: 'Loading the rest of the comments…' }).waitFor();
    // A screenful, not 20 whole threads (here 1,341 comments, the first alone
    // 1,009): of each only what the screen shows, with what was left out counted.
    const firstThreads = firstPage.next_offset;
    assert.equal(firstThreads, 20);
    assert.ok(firstPage.comments.length <= 300, `${firstPage.comments.length} in ${firstThreads}`);
    const leftOut = Object.values(firstPage.unlisted).reduce((a, b) => a + b, 0);
    assert.equal(firstPage.comments.length + leftOut, threadSizes(20), 'listed and left out: the 20 threads');
    assert.equal(await topLevel(page), firstThreads);
    // "N more replies" and "Continue this thread" count what has not arrived yet.
    const counts = () => page.locator('.tl-more-replies, .tl-continue').evaluateAll((els) => els.map((e) => `${e.id}: ${e.textContent}`));
    const countsFirst = await counts();
    assert.ok(countsFirst.some((c) => /^tl-more-.*: [\d,]{3,} more replies$/.test(c)), countsFirst.join(' | '));
    await page.locator('.tl-more-replies').first().scrollIntoViewIfNeeded();
    // Rows just scrolled to are drawn in the frame after (content-visibility: auto).
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await page.screenshot({ path: `${ARTIFACTS}/40-first-screen-counts.png` });
    assert.equal(await page.locator('.tl-more-top').count(), 0);
    // No count yet: the number of comments loaded so far would mislead.
    assert.equal(await page.locator('.tl-count').textContent(), 'Comments');
    // One request for the first page: the page script's, taken by the widget.
    const first = lists.filter((q) => /[?&]limit=20(&|$)/.test(q));
    assert.equal(first.length, 1, `first-page requests: ${lists.join(' | ')}`);
    assert.deepEqual(await page.evaluate(() => [window.__prefetchStarted, Object.keys(window.__threadlinePrefetch)]), [true, []]);
    const shownIds = await page.locator('.tl-rows > li.tl-comment').evaluateAll((els) => els.map((e) => e.id));
    await page.locator('.tl-toolbar').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/40-loading-rest.png` });
    // Another reader answers a comment the page does not have yet.
    const parent = doc.comments.filter((c) => !c.parent)[30].id;
    await page.waitForTimeout(1000); // the stream is subscribed
    const res = await fetch(`${ref.url}api/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Client-Id': 'other-reader' },
      body: JSON.stringify({ thread: THREAD, parent, author: 'Lusine', body: 'Thank you for the sources.' }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const reply = (await res.json()).comment.id;
    release();
    await whole(page, '10,001 comments');
    assert.equal(await page.locator('.tl-status').count(), 0);
    // Under its parent, not left at top level for want of one: its permalink opens it there.
    await page.evaluate((id) => { location.hash = `c-${id}`; }, reply);
    const shown = page.locator(`[id="c-${reply}"].tl-target`);
    await shown.waitFor();
    assert.equal(await shown.getAttribute('data-depth'), '1');
    assert.equal(await page.locator(`[id="c-${parent}"]`).getAttribute('data-depth'), '0');
    // The rows already shown stayed where they were; nothing was marked new.
    const after = await page.locator('.tl-rows > li.tl-comment').evaluateAll((els) => els.map((e) => e.id));
    assert.deepEqual(after.slice(0, shownIds.length), shownIds);
    // It was part of the thread when the page loaded: not marked new.
    assert.equal(await page.locator('.tl-fresh').count(), 0);
    // The counts were the whole thread's all along.
    assert.deepEqual(await counts(), countsFirst);
    // Then the same threads whole, from the first, and the big pages after them.
    assert.ok(lists[0].endsWith('&limit=20&max=300&replies=3&depth=6'), lists.join(' | '));
    assert.ok(lists.some((q) => q.endsWith('&limit=200&offset=0')), lists.join(' | '));
    assert.ok(lists.some((q) => q.endsWith('&limit=200&offset=200')), lists.join(' | '));
    assert.deepEqual(errors.filter((e) => !/503|did not load/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('10,000 comments: "more replies" clicked before the rest is in says so, and opens once it is', async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route(/\/api\/comments\?.*offset=/, async (route) => { await held; return route.continue(); });
  try {
    await page.goto(`${ref.url}?thread=${encodeURIComponent(THREAD)}&poll=0`);
    await page.locator('.tl-status', { hasText: 'Loading the rest of the comments…' }).waitFor();
    // The hot comment's replies: hundreds, none of them here yet beyond the first screen's.
    const hot = page.locator('.tl-more-replies').filter({ hasText: /^\d{3,} more replies$/ }).first();
    const id = (await hot.getAttribute('id')).slice('tl-more-'.length);
    const more = page.locator(`[id="tl-more-${id}"]`);
    const hidden = Number((await more.textContent()).match(/\d+/)[0]);
    await more.locator('button').click();
    await page.waitForFunction((sel) => document.getElementById(sel)?.textContent === 'Loading the rest of the comments…', `tl-more-${id}`);
    await more.scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await page.screenshot({ path: `${ARTIFACTS}/40-more-while-loading.png` });
    release();
    await wholeNow(page);
    // The next 20 of them are in, without another click.
    assert.equal(hidden, hiddenAfter(id, 3));
    assert.equal(await more.textContent(), `${hiddenAfter(id, 3 + 20).toLocaleString('en')} more replies`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('10,000 comments: a failed head start is asked again; a rest that keeps failing says so and keeps what loaded', async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  const firsts = [];
  let aborted = false;
  // The page script's request fails; the widget's own then goes through.
  await page.route(/\/api\/comments\?.*[?&]limit=20(&|$)/, (route) => {
    firsts.push(route.request().url());
    if (!aborted) { aborted = true; return route.abort('failed'); }
    return route.continue();
  });
  let restTries = 0;
  await page.route(/\/api\/comments\?.*offset=/, (route) => {
    restTries += 1;
    return route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"message":"overloaded"}}' });
  });
  try {
    await page.goto(`${ref.url}?thread=${encodeURIComponent(THREAD)}&poll=0`);
    await page.waitForFunction((n) => document.querySelectorAll('.tl-rows > li.tl-comment[data-depth="0"]').length === n, firstPage.next_offset);
    assert.equal(firsts.length, 2, 'the failed head start was asked again');
    // Four tries with growing pauses, then a message; what loaded stays.
    const stale = page.locator('.tl-stale', { hasText: 'Some comments could not be loaded' });
    await stale.waitFor({ timeout: 30000 });
    assert.match(await stale.textContent(), /error 503: overloaded\. Reload the page to try again\./);
    await page.locator('.tl-toolbar').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/41-rest-failed.png` });
    assert.equal(restTries, 4);
    assert.equal(await topLevel(page), firstPage.next_offset);
    assert.equal(await page.locator('.tl-status').count(), 0);
    // The backend is back; asking for more replies asks for the rest again.
    await page.unroute(/\/api\/comments\?.*offset=/);
    const more = page.locator('.tl-more-replies').filter({ hasText: /^\d{3,} more replies$/ }).first();
    await more.locator('button').click();
    await wholeNow(page);
    assert.equal(await stale.count(), 0);
    assert.equal(restTries, 4, 'not through the failing route');
    assert.deepEqual(errors.filter((e) => !/503|ERR_FAILED|Failed to load resource/.test(e)), []);
  } finally {
    await context.close();
  }
});
