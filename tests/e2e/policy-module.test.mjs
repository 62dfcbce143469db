// The policy engine is a wasm module of its own (threadline-policy.wasm):
// a reader who only reads never fetches it, a writer gets it on first focus,
// a post made while it is still on its way waits for the check, and a page
// where it cannot be loaded still posts, with the server checking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, watchErrors, ARTIFACTS } from './browser.mjs';
import { referenceServer } from './refserver.mjs';

const env = useBrowser();
const MODULE = '**/threadline-policy.wasm*';

async function open(url) {
  const context = await env.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('threadline-policy.wasm')) asked.push(r.url()); });
  return { context, page, errors, asked, go: async () => { await page.goto(url); await page.waitForSelector('.tl-comment'); } };
}

/** Holds the module's download until `release()` is called. */
async function holdModule(page) {
  let release;
  const released = new Promise((ok) => { release = ok; });
  await page.route(MODULE, async (route) => { await released; await route.continue(); });
  return release;
}

/** The demo page with the module held back, and `text` posted before it arrives. */
async function postBeforeTheCheck(text) {
  const opened = await open(`${env.url}?backend=local`);
  const release = await holdModule(opened.page);
  await opened.go();
  const before = await opened.page.locator('.tl-comment').count();
  const form = opened.page.locator('form.tl-form').first();
  await form.locator('.tl-name').fill('Reader');
  await form.locator('.tl-text').fill(text);
  await form.locator('.tl-post').click();
  await form.locator('.tl-form-note', { hasText: 'Checking against the discussion policy' }).waitFor();
  return { ...opened, release, before, form };
}

test('a reader who only reads never downloads the policy check; focusing a form does', async () => {
  const { context, page, errors, asked, go } = await open(`${env.url}?backend=local`);
  await go();
  await page.mouse.wheel(0, 3000);
  await page.locator('.tl-reply').first().hover();
  await page.waitForTimeout(800);
  assert.deepEqual(asked, [], 'fetched without anyone writing');

  const form = page.locator('form.tl-form').first();
  await form.locator('.tl-name').focus();
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('threadline-policy.wasm') && e.responseEnd > 0));
  assert.equal(asked.length, 1);
  // Named by its content, so a browser may keep it for good.
  assert.match(asked[0], /\/threadline-policy\.wasm\?v=[0-9a-f]{16}$/);
  await form.locator('.tl-name').fill('Reader');
  await form.locator('.tl-text').fill('Sokimag, you are an idiot.');
  await form.locator('.tl-finding[data-action="block"]').waitFor();
  assert.equal(asked.length, 1, 'fetched once, not per check');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a post made before the check has arrived waits for it, and a blocked one is not sent', async () => {
  const { context, page, errors, release, before, form } = await postBeforeTheCheck('Sokimag, you are an idiot.');
  await form.scrollIntoViewIfNeeded();
  await form.screenshot({ path: `${ARTIFACTS}/24-policy-loading.png` });
  assert.equal(await page.locator('.tl-comment').count(), before);

  release();
  await form.locator('.tl-finding[data-action="block"]').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.tl-comment').count(), before, 'a blocked draft was posted');
  assert.equal(await form.locator('.tl-form-note').textContent(), '');
  assert.match(await form.locator('.tl-form-error').textContent(), /cannot be posted/);
  assert.equal(await form.locator('.tl-text').inputValue(), 'Sokimag, you are an idiot.');

  await form.locator('.tl-text').fill('Sokimag, you are wrong about the numbers.');
  await page.waitForFunction(() => !document.querySelector('form.tl-form .tl-finding'));
  await form.locator('.tl-post').click();
  await page.waitForSelector('.tl-comment >> text=you are wrong about the numbers');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a clean post that waited for the check is sent once it arrives, unless the reader typed on', async () => {
  const { context, page, errors, release, before, form } = await postBeforeTheCheck('The helicopter numbers');
  // Typing on takes the post back: what is sent is what the reader last chose to send.
  await form.locator('.tl-text').pressSequentially(' do not add up.', { delay: 5 });
  release();
  await page.waitForFunction(() => document.querySelector('form.tl-form .tl-form-note').textContent === '');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.tl-comment').count(), before, 'posted though the reader typed on');

  await form.locator('.tl-post').click();
  await page.waitForSelector('.tl-comment >> text=The helicopter numbers do not add up.');
  assert.equal(await form.locator('.tl-text').inputValue(), '');
  assert.equal(await form.locator('.tl-form-note').textContent(), '');
  assert.deepEqual(errors, []);
  await context.close();
});

/** A fresh reference server's page with the policy module answering 404. */
async function withoutTheCheck(query, run) {
  const server = await referenceServer();
  try {
    const opened = await open(`${server.url}${query}`);
    await opened.page.route(MODULE, (route) => route.fulfill({ status: 404, body: 'gone' }));
    await opened.go();
    await run({ ...opened, server });
    await opened.context.close();
  } finally {
    await server.stop();
  }
}

test('without the check the form says so, posts, and the server still refuses what the policy blocks', async () => {
  await withoutTheCheck('', async ({ page }) => {
    const form = page.locator('form.tl-form').first();
    await form.locator('.tl-name').fill('Reader');
    await form.locator('.tl-text').fill('Sokimag, you are an idiot.');
    const note = form.locator('.tl-form-note', { hasText: 'could not be loaded' });
    await note.waitFor();
    assert.match(await note.textContent(), /HTTP 404.*checks your comment when it is sent/);
    assert.equal(await form.locator('.tl-post').isDisabled(), false);
    await form.scrollIntoViewIfNeeded();
    await form.screenshot({ path: `${ARTIFACTS}/25-policy-unavailable.png` });
    await form.locator('.tl-post').click();
    // The server's own check, from the same crate: refused, and the text kept.
    const refused = page.locator('.tl-unsent', { hasText: 'Not accepted' });
    await refused.waitFor();
    assert.match(await refused.textContent(), /idiot/);
  });
});

test('without the check, a comment the server asks about can still be posted anyway, and an edit saved anyway', async () => {
  await withoutTheCheck('', async ({ page, errors, server }) => {
    const form = page.locator('form.tl-form').first();
    await form.locator('.tl-name').fill('Reader');
    const loud = 'THIS IS A VERY LOUD COMMENT ABOUT THE ARMS SALES';
    await form.locator('.tl-text').fill(loud);
    await form.locator('.tl-form-note', { hasText: 'could not be loaded' }).waitFor();
    await form.locator('.tl-post').click();
    // The server's "are you sure?": the row offers Post anyway (not a Retry that
    // would only be asked again), also after a reload.
    const asked = page.locator('.tl-pending .tl-unsent', { hasText: 'post anyway if you are sure' });
    await asked.waitFor();
    assert.deepEqual(await asked.locator('button').allTextContents(), ['Post anyway', 'Edit']);
    await page.reload();
    await asked.waitFor();
    await asked.scrollIntoViewIfNeeded();
    await asked.screenshot({ path: `${ARTIFACTS}/26-server-nudge.png` });
    await asked.locator('button', { hasText: 'Post anyway' }).click();
    const mine = page.locator('.tl-comment:not(.tl-pending)', { hasText: loud });
    await mine.waitFor();
    // An edit the server asks about opens the same question in the edit form.
    const row = page.locator(`[id="${await mine.getAttribute('id')}"]`);
    await row.locator('.tl-edit').click();
    const editing = row.locator('form.tl-form-edit');
    const louder = 'STILL VERY LOUD ABOUT THE ARMS SALES, AND LOUDER';
    await editing.locator('.tl-text').fill(louder);
    await editing.locator('.tl-save').click();
    await editing.locator('.tl-post-anyway').click();
    await page.locator('.tl-comment:not(.tl-pending)', { hasText: louder }).waitFor();
    const stored = await (await fetch(`${server.url}api/comments?thread=${encodeURIComponent('asbarez/russia-azerbaijan-hint-at-further-arms-sales')}`)).json();
    assert.equal(stored.comments.filter((c) => c.body === louder).length, 1);
    // The browser logs each 404 (the module) and 422 (the questions) itself.
    assert.deepEqual(errors.filter((e) => !/status of (404|422)/.test(e)), []);
  });
});

test("without the check, the server's refusal reaches a Russian reader in Russian", async () => {
  await withoutTheCheck('?lang=ru', async ({ page }) => {
    const form = page.locator('form.tl-form').first();
    await form.locator('.tl-name').fill('Читатель');
    await form.locator('.tl-text').fill('Sokimag, you are an idiot.');
    await form.locator('.tl-post').click();
    // The finding's own Russian text, as the widget's check would have shown it.
    const refused = page.locator('.tl-pending .tl-unsent');
    await refused.waitFor();
    assert.match(await refused.textContent(), /оскорбляет другого участника/);
  });
});

test('a check whose download stalls is given up after 20 s: the waiting post goes, checked by the server', async () => {
  const server = await referenceServer();
  try {
    const { context, page, errors, go } = await open(server.url);
    // The module's request is taken and never answered.
    await page.route(MODULE, () => {});
    await go();
    const form = page.locator('form.tl-form').first();
    await form.locator('.tl-name').fill('Reader');
    await form.locator('.tl-text').fill('Sokimag, you are an idiot.');
    await form.locator('.tl-post').click();
    await form.locator('.tl-form-note', { hasText: 'Checking against the discussion policy' }).waitFor();
    const refused = page.locator('.tl-unsent', { hasText: 'Not accepted' });
    await refused.waitFor({ timeout: 35000 });
    assert.match(await refused.textContent(), /idiot/);
    assert.match(await form.locator('.tl-form-note').textContent(), /could not be loaded/);
    assert.deepEqual(errors.filter((e) => !/status of 422/.test(e)), []);
    await context.close();
  } finally {
    await server.stop();
  }
});

test("the site's own policy, as its server enforces it, is what the browser checks by", async () => {
  // A word this site refuses, and no cooldown (two posts in a row below).
  const file = join(mkdtempSync(join(tmpdir(), 'tl-policy-')), 'site.json');
  writeFileSync(file, JSON.stringify({ name: 'Site', deny_words: ['bananas'], rules: { cooldown: { enabled: false, action: 'block' } } }));
  const server = await referenceServer(['--policy', file]);
  const { context, page, errors, go } = await open(server.url);
  try {
    await go();
    const form = page.locator('form.tl-form').first();
    await form.locator('.tl-name').fill('Reader');
    await form.locator('.tl-text').fill('Bananas are what this deal is about.');
    await form.locator('.tl-finding-deny_word[data-action="block"]').waitFor();
    assert.equal(await form.locator('.tl-post').isDisabled(), true);
    // What the built-in policy would refuse is still refused: the site's file changes only what it names.
    await form.locator('.tl-text').fill('Sokimag, you are an idiot.');
    await form.locator('.tl-finding[data-action="block"]').waitFor();
    await form.locator('.tl-text').fill('A fair point about the deal.');
    await page.waitForFunction(() => !document.querySelector('form.tl-form .tl-finding'));
    await form.locator('.tl-post').click();
    await page.waitForSelector('.tl-comment >> text=A fair point about the deal.');
    // No cooldown on this site: the next comment is not held back in the browser either.
    await form.locator('.tl-text').fill('And a second one, right away.');
    await page.waitForFunction(() => !document.querySelector('form.tl-form .tl-finding'));
    await form.locator('.tl-post').click();
    await page.waitForSelector('.tl-comment >> text=And a second one, right away.');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.stop();
  }
});

test("a site policy that cannot be had leaves the check unavailable, said in the form, and the server checks", async () => {
  const server = await referenceServer();
  const { context, page, go } = await open(server.url);
  try {
    await page.route('**/api/policy/wire', (route) => route.fulfill({ status: 503, body: 'down' }));
    await go();
    const form = page.locator('form.tl-form').first();
    await form.locator('.tl-name').fill('Reader');
    await form.locator('.tl-text').fill('Sokimag, you are an idiot.');
    const note = form.locator('.tl-form-note', { hasText: 'could not be loaded' });
    await note.waitFor();
    assert.match(await note.textContent(), /discussion policy.*HTTP 503/);
    await form.locator('.tl-post').click();
    await page.locator('.tl-unsent', { hasText: 'Not accepted' }).waitFor();
  } finally {
    await context.close();
    await server.stop();
  }
});
