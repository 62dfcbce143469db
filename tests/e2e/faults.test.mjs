// Faults between the widget and the reference server: 500s, a 20-second
// stall (past the default 15 s request timeout), and a post that reached the
// server but whose answer was lost. After recovery every comment is stored
// exactly once.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, watchErrors, ROOT } from './browser.mjs';
import { referenceServer } from './refserver.mjs';
import { faultProxy } from './faultproxy.mjs';
import { record } from './report.mjs';

const seed = JSON.parse(readFileSync(`${ROOT}seed/asbarez.json`, 'utf8'));
const env = useBrowser();
let ref, proxy;
after(async () => {
  proxy?.close();
  await ref?.stop();
});

async function stored(body) {
  const api = await (await fetch(`${ref.url}api/comments?thread=${encodeURIComponent(seed.thread)}`)).json();
  return api.comments.filter((c) => c.body === body);
}

async function openPage(timeoutMs) {
  // The page comes from dist/ on another port: the server must allow its origin.
  ref ??= await referenceServer(['--cors-origin', new URL(env.url).origin]);
  proxy?.close();
  proxy = await faultProxy(ref.url);
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.url}?preset=threadline&base=${encodeURIComponent(proxy.url)}&timeout=${timeoutMs}`);
  await page.waitForSelector('.tl-comment');
  await page.evaluate(() => localStorage.removeItem('threadline:last-post'));
  return { context, page, errors };
}

async function post(page, text) {
  const form = page.locator('form.tl-form').first();
  await form.locator('.tl-name').fill('Nareh');
  await form.locator('.tl-text').fill(text);
  await form.locator('.tl-post').click();
}

const settled = (page) => page.waitForFunction(() => !document.querySelector('.tl-pending'), null, { timeout: 20000 });

for (const [mode, label] of [['fail500', 'answers 500'], ['stall', 'stalls past the timeout'], ['lose-answer', 'stores it but the answer is lost']]) {
  test(`the server ${label}: the post is kept, retried, and stored exactly once`, async () => {
    // The stall uses the real default timeout (15 s) against a 20 s stall.
    const stall = mode === 'stall';
    const { context, page } = await openPage(stall ? 15000 : 1500);
    const text = `Fault test (${mode}): kept and stored once.`;
    proxy.state.mode = mode;
    proxy.state.stallMs = 20000;
    await post(page, text);
    await page.waitForSelector('.tl-unsent', { timeout: stall ? 25000 : 15000 });
    assert.match(await page.locator('.tl-unsent').textContent(), /retrying/);
    assert.match(await page.locator('.tl-pending .tl-body').textContent(), /kept and stored once/);
    if (stall) await new Promise((r) => setTimeout(r, 5500)); // the stalled request lands meanwhile
    proxy.state.mode = 'pass';
    await page.locator('.tl-unsent button', { hasText: 'Retry now' }).click();
    await settled(page);
    const copies = (await stored(text)).length;
    record('faults', { scenarios: 1, lost: copies === 0 ? 1 : 0, duplicated: Math.max(0, copies - 1) });
    assert.equal(copies, 1, `${mode}: stored exactly once`);
    assert.equal(await page.locator('.tl-comment', { hasText: text }).count(), 1);
    await page.reload();
    await page.waitForSelector('.tl-comment');
    assert.equal(await page.locator('.tl-comment', { hasText: text }).count(), 1, 'after a reload too');
    await context.close();
  });
}
