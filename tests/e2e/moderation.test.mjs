// Moderation against the reference server: a comment the policy holds stays
// on its author's screen, marked, across reloads, and reaches every reader
// once a moderator lets it through; a reader a moderator blocked is told so
// in their language and keeps their words; one a moderator turns down is
// told to its author, who gets its text back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { useBrowser, watchErrors, ARTIFACTS } from './browser.mjs';
import { referenceServer } from './refserver.mjs';

const TOKEN = 'e2e-moderator-token-0123456789';
const env = useBrowser();
let ref;
// As behind a reverse proxy: a context's X-Forwarded-For is the reader's address.
before(async () => { ref = await referenceServer(['--moderator-token', TOKEN, '--trust-proxy', '127.0.0.1']); });
after(async () => { await ref?.stop(); });

const row = (page, id) => page.locator(`[id="c-${id}"]`);

/** Serious or critical axe findings in `selector`, in light and dark. */
async function axe(page, selector) {
  const found = [];
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    const result = await new AxeBuilder({ page }).include(selector).analyze();
    for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      found.push(`${scheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

async function moderate(method, path) {
  const res = await fetch(`${ref.url}api/moderation/${path}`, { method, headers: { Authorization: `Bearer ${TOKEN}` } });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Posts a top-level comment through the widget; answers it once the server stored it. */
async function postTop(page, author, text) {
  const form = page.locator('.tl-thread > form.tl-form');
  await form.locator('.tl-name').fill(author);
  await form.locator('.tl-text').fill(text);
  // The debounced check runs first: a held draft says so before it is sent.
  await page.waitForTimeout(400);
  await form.locator('.tl-post').click();
  const stored = page.locator('.tl-comment.tl-new:not([id^="c-pending-"])');
  await stored.waitFor({ timeout: 15000 });
  return stored;
}

test('a held comment stays with its author, marked, until a moderator lets it through to everyone', async () => {
  const author = await env.newContext({ viewport: { width: 1000, height: 900 } });
  const reader = await env.newContext();
  const page = await author.newPage();
  const other = await reader.newPage();
  const errors = [watchErrors(page), watchErrors(other)];
  try {
    await page.goto(ref.url);
    await other.goto(`${ref.url}?poll=600000`);
    await Promise.all([page.waitForSelector('.tl-comment'), other.waitForSelector('.tl-comment')]);
    const text = 'Three sources: https://www.azatutyun.am/ https://armenpress.am/ https://news.am/';
    const form = page.locator('.tl-thread > form.tl-form');
    await form.locator('.tl-text').fill(text);
    await form.locator('.tl-finding[data-action="hold"]').waitFor();
    const mine = await postTop(page, 'Hovik', text);
    await page.waitForSelector('.tl-comment.tl-new.tl-held');
    const id = (await mine.getAttribute('id')).slice(2);
    assert.ok(!id.startsWith('pending-'), id);
    assert.equal(await row(page, id).locator('.tl-held-mark').textContent(), 'Awaiting moderation');
    assert.equal(await row(page, id).locator('.tl-reply').isVisible(), false, 'nobody can answer it yet');
    assert.equal(await row(page, id).locator('.tl-edit').isVisible(), true, 'its author may still change it');
    assert.equal(await row(page, id).locator('.tl-report').isVisible(), false, 'nobody reports their own comment');

    // A reload keeps it on its author's screen; nobody else has it.
    await page.reload();
    await row(page, id).waitFor();
    assert.match(await row(page, id).getAttribute('class'), /tl-held/);
    assert.match(await row(page, id).locator('.tl-body').textContent(), /Three sources/);
    await row(page, id).scrollIntoViewIfNeeded();
    // Text right after a reload and a scroll may not be rastered yet in this headless browser.
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${ARTIFACTS}/40-held.png` });
    assert.equal(await row(other, id).count(), 0);
    assert.deepEqual(await axe(page, `[id="c-${id}"]`), []);
    assert.deepEqual((await moderate('GET', 'held')).comments.map((c) => c.id), [id]);

    // Let through: the other reader gets it at once, its author sees the mark go.
    await moderate('POST', `comments/${id}/approve`);
    await row(other, id).waitFor({ timeout: 5000 });
    await page.waitForFunction((i) => !document.querySelector(`[id="c-${i}"]`).classList.contains('tl-held'), id, { timeout: 5000 });
    assert.equal(await row(page, id).locator('.tl-held-mark').count(), 0);
    assert.equal(await row(page, id).locator('.tl-reply').isVisible(), true);
    await page.reload();
    await row(page, id).waitFor();
    assert.equal(await page.locator(`[id="c-${id}"]`).count(), 1, 'shown once');
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('threadline:held:')).length), 0);
    assert.deepEqual(errors.flat(), []);
  } finally {
    await author.close();
    await reader.close();
  }
});

test('a blocked reader is told so in their language, and the words are kept, in a new browser too', async () => {
  const troll = { viewport: { width: 1000, height: 900 }, extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.66' } };
  const context = await env.newContext(troll);
  const page = await context.newPage();
  const errors = watchErrors(page);
  let fresh;
  try {
    await page.goto(`${ref.url}?lang=ru`);
    await page.waitForSelector('.tl-comment');
    const first = await postTop(page, 'Тролль', 'Первый комментарий, пока вежливый.');
    const id = (await first.getAttribute('id')).slice(2);
    assert.equal(await first.locator('.tl-report').isVisible(), false, 'nobody reports their own comment');
    await moderate('POST', `comments/${id}/block`);

    // The cooldown rule counts from the last post; the block is what is tested.
    await page.evaluate(() => localStorage.removeItem('threadline:last-post'));
    const form = page.locator('.tl-thread > form.tl-form');
    await form.locator('.tl-text').fill('И ещё один.');
    await page.waitForTimeout(400);
    await form.locator('.tl-post').click();
    const unsent = page.locator('.tl-pending .tl-unsent');
    await unsent.waitFor();
    await page.waitForFunction(() => /Модератор запретил/.test(document.querySelector('.tl-pending .tl-unsent')?.textContent ?? ''));
    // "Not sent." (not "retrying automatically"): a block is not retried.
    assert.match(await unsent.textContent(), /^Не отправлено\. Не принято: Модератор запретил писать здесь из этого браузера или сети\./);
    await unsent.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/41-blocked.png` });
    assert.match(await page.locator('.tl-pending .tl-body').textContent(), /И ещё один/);
    // A like refused is said in its own row, under the button pressed, not at the top of the thread.
    await row(page, '9').locator('.tl-like').click();
    const refused = row(page, '9').locator('.tl-row-error');
    await refused.waitFor();
    assert.match(await refused.textContent(), /^Не принято: Модератор запретил/);
    assert.equal(await row(page, '9').locator('.tl-like').getAttribute('aria-pressed'), 'false');
    await row(page, '9').screenshot({ path: `${ARTIFACTS}/46-like-refused.png` });
    await row(page, '9').locator('.tl-toggle').click(); // the next press clears it
    await row(page, '9').locator('.tl-toggle').click();
    assert.equal(await refused.count(), 0);
    // The browser logs the refused request itself; nothing else may go wrong.
    assert.deepEqual(errors.filter((e) => !/status of 403/.test(e)), []);

    // Cleared storage or another browser on the same network: still blocked.
    fresh = await env.newContext(troll);
    const again = await fresh.newPage();
    await again.goto(`${ref.url}?lang=ru`);
    await again.waitForSelector('.tl-comment');
    const top = again.locator('.tl-thread > form.tl-form');
    await top.locator('.tl-name').fill('Не тролль');
    await top.locator('.tl-text').fill('Совсем другой человек.');
    await again.waitForTimeout(400);
    await top.locator('.tl-post').click();
    await again.waitForFunction(() => /Модератор запретил/.test(document.querySelector('.tl-pending .tl-unsent')?.textContent ?? ''));
  } finally {
    await fresh?.close();
    await context.close();
  }
});

/** A post straight to the API as browser `client` (its name too). */
const postAs = (client, body, thread = 'asbarez/other-article') => fetch(`${ref.url}api/comments`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'X-Client-Id': client },
  body: JSON.stringify({ thread, author: client, body }),
});

test('the moderation page: sign in with the token, approve a held comment, block a writer', async () => {
  const post = async (client, body) => (await (await postAs(client, body)).json()).comment.id;
  const held = await post('Linker', 'Read https://a.example/1 https://b.example/2 https://c.example/3 <b>not bold</b>');
  const rude = await post('Rude', 'A comment the policy let through.');
  const context = await env.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  page.on('dialog', (d) => d.accept());
  try {
    await page.goto(`${ref.url}moderate`);
    await page.locator('#token').fill('not-the-token-0123456789');
    await page.locator('#sign-in button').click();
    await page.waitForFunction(() => /not the server's moderator token/.test(document.getElementById('status').textContent));
    assert.equal(await page.locator('#sign-in').isVisible(), true);

    await page.locator('#token').fill(TOKEN);
    await page.locator('#sign-in button').click();
    const card = page.locator(`#held-${held}`);
    await card.waitFor();
    assert.equal(await page.locator('#sign-in').isVisible(), false);
    // Text stays text: the tag is shown, not made bold.
    assert.match(await card.locator('.body').textContent(), /<b>not bold<\/b>/);
    assert.equal(await card.locator('b').count(), 0);
    assert.match(await page.locator('#held-title').textContent(), /\(1\)/);
    await page.locator(`#recent-${rude}`).waitFor();
    assert.deepEqual(await axe(page, 'body'), []);
    await page.screenshot({ path: `${ARTIFACTS}/42-moderate.png` });

    await card.getByRole('button', { name: 'Approve' }).click();
    await page.waitForFunction(() => /Approved/.test(document.getElementById('status').textContent));
    await page.locator('#held .empty').waitFor();
    const listed = await (await fetch(`${ref.url}api/comments?thread=asbarez%2Fother-article`)).json();
    assert.ok(listed.comments.some((c) => c.id === held), 'approved comments are listed');

    await page.locator(`#recent-${rude}`).getByRole('button', { name: 'Block writer' }).click();
    await page.locator(`#recent-${rude} .mark`).waitFor();
    const refused = await postAs('Rude', 'Again.');
    assert.equal(refused.status, 403);
    // A reload keeps the tab signed in.
    await page.reload();
    await page.locator(`#recent-${rude} .mark`).waitFor();
    // The blocks in force, each lifted from there.
    const blocked = page.locator(`#blocks #b-${rude}`);
    assert.match(await blocked.textContent(), /^Rude · blocked/);
    await page.screenshot({ path: `${ARTIFACTS}/43-moderate-blocks.png`, fullPage: true });
    await blocked.getByRole('button', { name: 'Unblock' }).click();
    await blocked.waitFor({ state: 'detached' });
    const back = await postAs('Rude', 'Back, and polite.', 'asbarez/third-article');
    // Past the block: only the policy's cooldown (20 s since Rude's last post) is left to say no.
    const answer = await back.json();
    assert.equal(back.status, 422, JSON.stringify(answer));
    assert.equal(answer.findings?.[0]?.rule, 'cooldown', JSON.stringify(answer));
    assert.deepEqual(errors.filter((e) => !/status of 401/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('a reader reports a comment once, asked first; the moderators see it with the count', async () => {
  const context = await env.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(`${ref.url}?lang=hy`);
    await page.waitForSelector('.tl-comment');
    const button = row(page, '9').locator('.tl-report');
    assert.equal(await button.textContent(), 'Բողոքել');
    // Asked in place first, focus on Cancel, as a report cannot be taken back.
    await button.click();
    const ask = row(page, '9').locator('.tl-ask');
    await ask.waitFor();
    assert.equal(await ask.getAttribute('aria-label'), 'Բողոքե՞լ մոդերատորներին այս մեկնաբանության մասին');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'tl-report-no', 'focus on Cancel');
    assert.equal(await button.isVisible(), false, 'the question stands in the button\'s place');
    await row(page, '9').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/47-report-asked.png` });
    // Esc answers Cancel: nothing is sent, focus is back on Report.
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'tl-report', 'focus back on Report');
    assert.deepEqual((await moderate('GET', 'reported')).comments, []);
    await button.click();
    await row(page, '9').locator('.tl-report-yes').click();
    await page.waitForFunction(() => document.querySelector('[id="c-9"] .tl-report').getAttribute('aria-disabled') === 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'tl-report', 'focus stays on the button');
    assert.equal(await button.textContent(), 'Բողոքն ուղարկված է');
    await row(page, '9').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/44-reported.png` });
    const reported = (await moderate('GET', 'reported')).comments;
    assert.deepEqual(reported.map((c) => [c.id, c.reports]), [['9', 1]]);
    // Remembered: after a reload it still says so, and cannot be sent twice.
    await page.reload();
    await row(page, '9').waitFor();
    assert.equal(await row(page, '9').locator('.tl-report').getAttribute('aria-disabled'), 'true');
    await row(page, '9').locator('.tl-report').click({ force: true });
    await page.waitForTimeout(300);
    assert.equal(await row(page, '9').locator('.tl-ask').count(), 0, 'nothing asked again');
    assert.deepEqual((await moderate('GET', 'reported')).comments.map((c) => [c.id, c.reports]), [['9', 1]]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a held comment a moderator turns down is told to its author, its text back in the form', async () => {
  const notice = (page) => page.locator('.tl-notice').filter({ hasText: 'A moderator did not publish your comment.' });
  const topText = (page) => page.locator('.tl-thread > form.tl-form .tl-text');
  // Turned down while the author's page is open: the stream says so.
  const live = await env.newContext({ viewport: { width: 1000, height: 900 } });
  // Turned down while it is closed: the next visit asks after it.
  const later = await env.newContext();
  const page = await live.newPage();
  const errors = [watchErrors(page)];
  try {
    await page.goto(ref.url);
    await page.waitForSelector('.tl-comment');
    const text = 'My sources: https://www.azatutyun.am/a https://armenpress.am/b https://news.am/c';
    const id = (await (await postTop(page, 'Narek', text)).getAttribute('id')).slice(2);
    await page.waitForSelector('.tl-comment.tl-new.tl-held');
    await moderate('POST', `comments/${id}/reject`);
    await notice(page).waitFor({ timeout: 15000 });
    assert.equal(await row(page, id).count(), 0, 'no longer shown as awaiting moderation');
    assert.equal(await topText(page).inputValue(), text, 'nothing written is lost');
    await page.screenshot({ path: `${ARTIFACTS}/45-turned-down.png` });
    // Told once; the text stays as a draft.
    await page.reload();
    await page.waitForSelector('.tl-comment');
    await page.waitForTimeout(500);
    assert.equal(await notice(page).count(), 0);
    assert.equal(await topText(page).inputValue(), text);

    const first = await later.newPage();
    errors.push(watchErrors(first));
    await first.goto(ref.url);
    await first.waitForSelector('.tl-comment');
    const other = 'Read these: https://www.azatutyun.am/x https://armenpress.am/y https://news.am/z';
    const otherId = (await (await postTop(first, 'Ani', other)).getAttribute('id')).slice(2);
    await first.waitForSelector('.tl-comment.tl-new.tl-held');
    await first.close();
    await moderate('POST', `comments/${otherId}/reject`);
    const next = await later.newPage();
    errors.push(watchErrors(next));
    await next.goto(ref.url);
    await notice(next).waitFor({ timeout: 15000 });
    assert.equal(await row(next, otherId).count(), 0);
    assert.equal(await topText(next).inputValue(), other);
    // The browser logs the 404 that says it is gone; nothing else may go wrong.
    assert.deepEqual(errors.flat().filter((e) => !/status of 404/.test(e)), []);
  } finally {
    await live.close();
    await later.close();
  }
});
