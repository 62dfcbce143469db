// Markdown with a live preview, then edit, delete and like — against the
// reference server, a real json-server and a real Isso, each result checked
// through that backend's own API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, watchErrors, ARTIFACTS, ROOT } from './browser.mjs';
import { referenceServer } from './refserver.mjs';
import { jsonServer, isso, seedRows, seedIsso, stop } from './peers.mjs';

const seed = JSON.parse(readFileSync(`${ROOT}seed/asbarez.json`, 'utf8'));
const thread = encodeURIComponent(seed.thread);
const env = useBrowser();
const row = (page, id) => page.locator(`[id="c-${id}"]`);
const settled = (page) => page.waitForFunction(() => !document.querySelector('.tl-pending'), null, { timeout: 15000 });

let ref;
before(async () => { ref = await referenceServer(); });
after(async () => { await ref?.stop(); });

/** Posts a reply under `parentId`; answers the new comment's id once the backend confirmed it. */
async function reply(page, parentId, author, text) {
  await row(page, parentId).locator('.tl-reply').first().click();
  const form = row(page, parentId).locator('form');
  await form.locator('.tl-name').fill(author);
  await form.locator('.tl-text').fill(text);
  await form.locator('.tl-post').click();
  // Confirmed: no longer under its pending id. (A post can wait for the
  // policy check before it is even pending, so "nothing pending" alone can
  // come too soon.)
  const mine = page.locator('.tl-comment.tl-new:not([id^="c-pending-"])');
  await mine.waitFor({ timeout: 15000 });
  await settled(page);
  return (await mine.getAttribute('id')).slice(2);
}

async function edit(page, id, text) {
  await row(page, id).locator('.tl-edit').click();
  const form = row(page, id).locator('form.tl-form-edit');
  await form.locator('.tl-text').fill(text);
  await form.locator('.tl-save').click();
  await form.waitFor({ state: 'detached' });
}

async function remove(page, id) {
  await row(page, id).locator('.tl-delete').click();
  await row(page, id).locator('.tl-delete-yes').click();
  await row(page, id).waitFor({ state: 'detached' });
}

test('reference server: markdown with preview, edit, like once, delete', async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  const api = async () => (await (await fetch(`${ref.url}api/comments?thread=${thread}`)).json()).comments;
  try {
    await page.goto(ref.url);
    await page.waitForSelector('.tl-comment');
    await page.evaluate(() => localStorage.clear());
    const text = 'I **agree** with [the report](https://www.azatutyun.am/) <b>raw</b>\n\n> quoted line\n\n- one\n- two';
    await row(page, '4').locator('.tl-reply').click();
    const form = row(page, '4').locator('form');
    await form.locator('.tl-name').fill('Nareh');
    await form.locator('.tl-text').fill(text);
    await form.locator('.tl-preview-toggle').click();
    const preview = form.locator('.tl-preview');
    await preview.locator('strong', { hasText: 'agree' }).waitFor();
    assert.equal(await preview.locator('blockquote').textContent(), 'quoted line');
    await form.locator('.tl-text').fill(`${text}\n- three`);
    await preview.locator('li', { hasText: 'three' }).waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/20-preview.png` });
    await form.locator('.tl-post').click();
    await settled(page);
    const id = (await page.locator('.tl-comment.tl-new').getAttribute('id')).slice(2);
    const body = row(page, id).locator('.tl-body');
    assert.equal(await body.locator('strong').textContent(), 'agree');
    const link = body.locator('a');
    assert.equal(await link.getAttribute('href'), 'https://www.azatutyun.am/');
    assert.equal(await link.getAttribute('rel'), 'nofollow ugc noopener');
    assert.match(await body.textContent(), /<b>raw<\/b>/, 'raw HTML in markdown stays text');
    assert.equal(await body.locator('b').count(), 0);
    assert.equal(await body.locator('li').count(), 3);

    await edit(page, id, 'Changed my mind, *slightly*.');
    assert.equal(await row(page, id).locator('.tl-body em').textContent(), 'slightly');
    await row(page, id).locator('.tl-edited').waitFor();
    let stored = (await api()).find((c) => c.id === id);
    assert.equal(stored.body, 'Changed my mind, *slightly*.');
    assert.ok(stored.edited_ms > 0);

    // Edit from the keyboard: Esc closes it and focus is back on Edit; what
    // was typed is kept for the next Edit (a stray Esc loses nothing), and
    // Cancel is what throws a change away.
    const editText = row(page, id).locator('.tl-form-edit .tl-text');
    const focusedEdit = (i) => document.activeElement === document.querySelector(`[id="c-${i}"] .tl-edit`);
    await row(page, id).locator('.tl-edit').press('Enter');
    await page.waitForFunction(() => document.activeElement?.closest('form')?.classList.contains('tl-form-edit'));
    await page.keyboard.type(' Kept.');
    await page.keyboard.press('Escape');
    await page.waitForFunction(focusedEdit, id);
    await page.keyboard.press('Enter');
    assert.equal(await editText.inputValue(), 'Changed my mind, *slightly*. Kept.');
    await row(page, id).locator('.tl-cancel').click();
    await page.waitForFunction(focusedEdit, id);
    await page.keyboard.press('Enter');
    assert.equal(await editText.inputValue(), 'Changed my mind, *slightly*.');
    await page.keyboard.press('Escape');
    await page.waitForFunction(focusedEdit, id);
    // Saved with the Save button from the keyboard: focus is back on Edit too.
    await page.keyboard.press('Enter');
    await page.keyboard.type(' Really.');
    await row(page, id).locator('.tl-save').focus();
    await page.keyboard.press('Enter');
    await row(page, id).locator('form.tl-form-edit').waitFor({ state: 'detached' });
    await page.waitForFunction((i) => document.activeElement === document.querySelector(`[id="c-${i}"] .tl-edit`), id);

    // A like counts once, survives a reload, and others' comments have no Edit.
    // Pressed from the keyboard, it keeps focus while it changes.
    await row(page, '3').locator('.tl-like').press('Enter');
    await page.waitForFunction(() => document.querySelector('[id="c-3"] .tl-like').textContent.includes('1'));
    assert.equal(await page.evaluate(() => document.activeElement.className), 'tl-like');
    assert.equal((await api()).find((c) => c.id === '3').likes, 1);
    assert.equal(await row(page, '3').locator('.tl-edit').count(), 0);
    await page.reload();
    await page.waitForSelector('.tl-comment');
    assert.equal(await row(page, '3').locator('.tl-like').getAttribute('aria-pressed'), 'true');
    assert.equal(await row(page, '3').locator('.tl-like').getAttribute('aria-disabled'), 'true');
    await row(page, '3').locator('.tl-like').evaluate((b) => b.click()); // Playwright will not click what says it is disabled
    assert.equal((await api()).find((c) => c.id === '3').likes, 1, 'a second press is not a second like');
    await page.screenshot({ path: `${ARTIFACTS}/21-edited-liked.png` });

    // Edit and Delete survive the reload too (the owner token is kept).
    await row(page, id).locator('.tl-delete').click();
    await page.screenshot({ path: `${ARTIFACTS}/22-delete-ask.png` });
    await row(page, id).locator('.tl-delete-no').click();
    assert.equal(await row(page, id).count(), 1, 'Keep keeps it');
    // From the keyboard: asked with focus on Cancel, Esc is Cancel, and focus is back on Delete.
    const focused = () => page.evaluate(() => document.activeElement?.className);
    await row(page, id).locator('.tl-delete').press('Enter');
    await page.waitForFunction(() => document.activeElement?.className === 'tl-delete-no');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.className === 'tl-delete');
    assert.equal(await row(page, id).locator('.tl-ask').count(), 0);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab'); // from Cancel to Delete
    assert.equal(await focused(), 'tl-delete-yes');
    const next = await row(page, id).evaluate((li) => li.nextElementSibling.id);
    await page.keyboard.press('Enter');
    await row(page, id).waitFor({ state: 'detached' });
    // The comment is gone: focus is on the one that took its place, not lost to the page.
    await page.waitForFunction((n) => document.activeElement?.id === n, next);
    assert.equal((await api()).find((c) => c.id === id), undefined);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('two tabs of one browser: a comment posted in one is the reader\'s in the other too, and so is a like', async () => {
  const context = await env.newContext();
  const [a, b] = [await context.newPage(), await context.newPage()];
  const errors = [watchErrors(a), watchErrors(b)];
  try {
    for (const p of [a, b]) {
      await p.goto(ref.url);
      await p.waitForSelector('.tl-comment');
    }
    const id = await reply(a, '5', 'Nareh', 'Written in the first tab.');
    // The other tab gets it through the event stream, and learns it is this reader's.
    const there = row(b, id);
    await there.locator('.tl-edit').waitFor();
    assert.equal(await there.locator('.tl-report').isHidden(), true, 'no Report on one\'s own comment');
    await row(a, '1').locator('.tl-like').click();
    await b.waitForFunction(() => document.querySelector('[id="c-1"] .tl-like')?.getAttribute('aria-pressed') === 'true');
    assert.deepEqual(errors.flat(), []);
  } finally {
    await context.close();
  }
});

test('json-server: edit through PATCH; delete keeps a record, so a deleted comment\'s replies keep their place', async () => {
  const js = await jsonServer(seedRows(seed));
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(`${env.url}?preset=json-server&base=${encodeURIComponent(js.base)}&poll=400`);
    await page.waitForSelector('.tl-comment');
    const id = await reply(page, '2', 'Ani', 'First _draft_.');
    assert.equal(await row(page, id).locator('.tl-body em').textContent(), 'draft');
    assert.equal(await row(page, '2').locator('.tl-like').count(), 0, 'json-server has no likes');
    await edit(page, id, 'Second draft.');
    let stored = await (await fetch(`${js.base}/comments/${id}`)).json();
    assert.equal(stored.body, 'Second draft.');
    assert.equal(stored.parentId, '2');
    // Deleted with a reply under it: a placeholder, after a reload too, the reply still under it.
    // The policy's cooldown counts from the last post; the delete is what is tested.
    await page.evaluate(() => localStorage.removeItem('threadline:last-post'));
    const answer = await reply(page, id, 'Nareh', 'An answer to it.');
    assert.notEqual(answer, id);
    const counted = async () => Number((await page.locator('.tl-count').textContent()).split(' ')[0]);
    const before = await counted();
    await row(page, id).locator('.tl-delete').click();
    await row(page, id).locator('.tl-delete-yes').click();
    await row(page, id).locator('.tl-body.tl-gone').waitFor();
    assert.equal(await row(page, id).locator('.tl-toggle').getAttribute('aria-label'), 'Collapse comment by [deleted] and its 1 reply');
    assert.equal(await counted(), before - 1, 'a placeholder is not counted as a comment');
    stored = await (await fetch(`${js.base}/comments/${id}`)).json();
    assert.deepEqual([stored.deleted, stored.body, stored.author], [true, '', '']);
    await page.reload();
    await row(page, id).locator('.tl-body.tl-gone').waitFor();
    assert.equal(await row(page, answer).getAttribute('data-depth'), '2', 'the reply stays under it');
    // Its reply deleted too, nothing is left to show: both go, now and after a reload.
    await remove(page, answer);
    assert.equal(await row(page, id).count(), 0);
    await page.reload();
    await page.waitForSelector('.tl-comment');
    assert.equal(await row(page, id).count(), 0);
    assert.equal(await row(page, answer).count(), 0);
    // json-server lists the deleted records at every poll: they do not come back.
    await page.waitForTimeout(1500);
    assert.equal(await row(page, id).count() + await row(page, answer).count(), 0);
    assert.equal(await page.locator('.tl-comment.tl-new').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await stop(js.child);
  }
});

test('Isso: edit (its cookie), like and delete', async () => {
  const origin = new URL(env.url).origin;
  const peer = await isso(origin);
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  const list = async () => (await (await fetch(`${peer.base}/?uri=${thread}`)).json()).replies;
  try {
    const ids = await seedIsso(peer.base, seed);
    await page.goto(`${env.url}?preset=isso&base=${encodeURIComponent(peer.base)}`);
    await page.waitForSelector('.tl-comment');
    const id = await reply(page, ids['1'], 'Ani', 'Isso **first**.');
    await edit(page, id, 'Isso second.');
    const top = (await list()).find((c) => String(c.id) === String(ids['1']));
    assert.equal(top.replies.find((c) => String(c.id) === id).text, '<p>Isso second.</p>');

    await row(page, ids['4']).locator('.tl-like').click();
    await page.waitForFunction((i) => document.querySelector(`[id="c-${i}"] .tl-like`).textContent.includes('1'), ids['4']);
    assert.equal((await list()).find((c) => c.id === ids['4']).likes, 1);

    await remove(page, id);
    const again = (await list()).find((c) => String(c.id) === String(ids['1']));
    assert.equal((again.replies ?? []).filter((c) => String(c.id) === id).length, 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await stop(peer.child);
  }
});

test("the server's edit window: Edit goes when it closes, on the open page and after a reload; Delete stays", async () => {
  const short = await referenceServer(['--edit-window-secs', '8']);
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(short.url);
    await page.waitForSelector('.tl-comment');
    const id = await reply(page, '4', 'Nareh', 'A reply to fix while I still can.');
    await row(page, id).locator('.tl-edit').waitFor();
    await row(page, id).locator('.tl-edit').focus();
    // No reload, no click: the open page takes Edit away when the window closes.
    await row(page, id).locator('.tl-edit').waitFor({ state: 'detached', timeout: 20000 });
    assert.equal(await row(page, id).locator('.tl-delete').count(), 1, 'Delete has no window');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'tl-delete', 'focus moves to Delete');
    await page.reload();
    await row(page, id).locator('.tl-delete').waitFor();
    assert.equal(await row(page, id).locator('.tl-edit').count(), 0);
    assert.equal(await row(page, '4').locator('.tl-edit').count(), 0, "and none on others' comments");
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await short.stop();
  }
});
