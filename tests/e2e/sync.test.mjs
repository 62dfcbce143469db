// Threadline against real third-party backends it did not write, through the
// presets: json-server (flat list, parentId) and Isso (nested, HTML bodies).
// Every result is checked through the backend's own API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, watchErrors, ARTIFACTS, ROOT } from './browser.mjs';
import { jsonServer, isso, seedRows, seedIsso, stop } from './peers.mjs';
import { record } from './report.mjs';

const seed = JSON.parse(readFileSync(`${ROOT}seed/asbarez.json`, 'utf8'));
const thread = encodeURIComponent(seed.thread);
const env = useBrowser();

const row = (page, id) => page.locator(`[id="c-${id}"]`);
// Isso flattens replies to one level: show them all, not the first three.
const pageFor = (preset, base) => `${env.url}?preset=${preset}&base=${encodeURIComponent(base)}&replies=10`;
// While a backend is down on purpose the browser logs the refused requests.
const unexpected = (errors) => errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource|Failed to fetch/.test(e));

async function reply(page, parentId, author, text) {
  await row(page, parentId).locator('.tl-reply').click();
  const form = row(page, parentId).locator('form');
  await form.locator('.tl-name').fill(author);
  await form.locator('.tl-text').fill(text);
  await form.locator('.tl-post').click();
}

async function postTop(page, author, text) {
  const form = page.locator('form.tl-form').first();
  await form.locator('.tl-name').fill(author);
  await form.locator('.tl-text').fill(text);
  await form.locator('.tl-post').click();
}

/** A fresh page on json-server's preset at `js`, its thread shown. */
async function openOn(js) {
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(pageFor('json-server', js.base));
  await page.waitForSelector('.tl-comment');
  return { context, page, errors };
}

const settled = (page) => page.waitForFunction(() => !document.querySelector('.tl-pending'), null, { timeout: 15000 });

test('json-server: seed thread, reply, outage and reload while a post is pending', async () => {
  const js = await jsonServer(seedRows(seed));
  const { context, page, errors } = await openOn(js);
  try {
    assert.equal(await page.locator('.tl-comment').count(), 15);
    assert.equal(await row(page, '7.3.1').getAttribute('data-depth'), '2');

    await reply(page, '5', 'Nareh', 'Interests first, always.');
    await settled(page);
    const stored = await (await fetch(`${js.base}/comments?thread=${thread}`)).json();
    const mine = stored.filter((c) => c.body === 'Interests first, always.');
    assert.equal(mine.length, 1);
    assert.equal(mine[0].parentId, '5');
    assert.equal(mine[0].author, 'Nareh');
    assert.equal(await page.locator(`[id="c-${mine[0].id}"]`).getAttribute('data-depth'), '1');

    // The backend goes down: the post shows as unsent, survives a reload,
    // and lands exactly once when the backend is back.
    await stop(js.child);
    // The cooldown rule counts from the last post; pretend time has passed.
    await page.evaluate(() => localStorage.removeItem('threadline:last-post'));
    await postTop(page, 'Nareh', 'Written during the outage.');
    await page.waitForSelector('.tl-unsent');
    assert.match(await page.locator('.tl-unsent').textContent(), /retrying/);
    await page.screenshot({ path: `${ARTIFACTS}/10-unsent.png`, fullPage: false });
    await page.reload();
    await page.waitForSelector('.tl-pending');
    assert.match(await page.locator('.tl-error').textContent(), /Could not reach/);
    js.child = await js.restart();
    await page.locator('.tl-unsent button', { hasText: 'Retry now' }).click().catch(() => {});
    await settled(page);
    await page.locator('.tl-error button').click();
    await page.waitForSelector('.tl-comment >> text=Written during the outage.');
    const after = await (await fetch(`${js.base}/comments?thread=${thread}`)).json();
    const copies = after.filter((c) => c.body === 'Written during the outage.').length;
    record('faults', { scenarios: 1, lost: copies === 0 ? 1 : 0, duplicated: Math.max(0, copies - 1) });
    assert.equal(copies, 1);
    assert.equal(after.length, 17);
    assert.equal(await page.locator('.tl-comment').count(), 17);
    assert.deepEqual(unexpected(errors), []);
  } finally {
    await context.close();
    await stop(js.child);
  }
});

test('json-server: comments the backend holds in a form the page cannot read are counted for the reader, not dropped silently', async () => {
  const broken = [
    { id: '', thread: seed.thread, parentId: null, author: 'No id', body: 'An id left empty', createdAt: 1_400_000_000_000, likes: 0 },
    { id: null, thread: seed.thread, parentId: null, author: 'Null id', body: 'An id of null', createdAt: 1_400_000_000_000, likes: 0 },
  ];
  const js = await jsonServer([...seedRows(seed), ...broken]);
  const { context, page, errors } = await openOn(js);
  try {
    assert.equal(await page.locator('.tl-comment').count(), 15, 'every readable comment shown');
    const told = page.locator('.tl-unreadable');
    await told.waitFor();
    assert.match(await told.textContent(), /^2 comments from the server could not be read and are not shown\./);
    assert.equal(await told.getAttribute('role'), 'status');
    await page.locator('.tl-thread').screenshot({ path: `${ARTIFACTS}/33-unreadable-comments.png` });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await stop(js.child);
  }
});

test('Isso: nested HTML answer, reply stored under the right parent', async () => {
  const origin = new URL(env.url).origin;
  const peer = await isso(origin);
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    const ids = await seedIsso(peer.base, seed);
    await page.goto(pageFor('isso', peer.base));
    await page.waitForSelector('.tl-comment');
    assert.equal(await page.locator('.tl-comment').count(), 15);
    // Isso keeps one level of replies: the seed's third level comes back flattened.
    assert.equal(await row(page, ids['7.3.1']).getAttribute('data-depth'), '1');
    assert.equal(await row(page, ids['7']).locator('.tl-author').textContent(), 'Sokimag');
    assert.equal(await row(page, ids['7.1']).locator('.tl-body p').count(), 3, 'HTML paragraphs come back as paragraphs');

    await reply(page, ids['7'], 'Nareh', 'Isso keeps this one.');
    await settled(page);
    const list = await (await fetch(`${peer.base}/?uri=${thread}`)).json();
    const top = list.replies.find((c) => c.id === ids['7']);
    const mine = top.replies.filter((c) => c.author === 'Nareh');
    assert.equal(mine.length, 1);
    assert.equal(mine[0].text, '<p>Isso keeps this one.</p>');
    assert.equal(await page.locator(`[id="c-${mine[0].id}"]`).getAttribute('data-depth'), '1');

    // A reply to a reply: Isso keeps it under the top-level comment, so it is
    // sent there and shown there at once, and does not move at the next reload.
    await page.evaluate(() => localStorage.removeItem('threadline:last-post')); // the cooldown is not what is tested
    await reply(page, ids['7.1'], 'Nareh', 'And this one answers Hrant.');
    await settled(page);
    const after = (await (await fetch(`${peer.base}/?uri=${thread}`)).json()).replies.find((c) => c.id === ids['7']).replies;
    const second = after.find((c) => c.text.includes('answers Hrant'));
    assert.equal(second.parent, ids['7']);
    const place = () => page.evaluate(() => [...document.querySelectorAll('.tl-rows > li')].map((l) => `${l.id}:${l.dataset.depth}`));
    const before = await place();
    assert.ok(before.includes(`c-${second.id}:1`), before.join(' '));
    await page.reload();
    await row(page, second.id).waitFor();
    assert.deepEqual(await place(), before, 'nothing moved');
    assert.deepEqual(unexpected(errors), []);
  } finally {
    await context.close();
    await stop(peer.child);
  }
});

test('Isso with moderation: a held comment stays with its author until let through, and one turned down is told, its text back', async () => {
  const origin = new URL(env.url).origin;
  const peer = await isso(origin, undefined, { moderation: true });
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  const notice = page.locator('.tl-notice').filter({ hasText: 'A moderator did not publish your comment.' });
  const topText = page.locator('.tl-thread > form.tl-form .tl-text');
  try {
    await seedIsso(peer.base, seed);
    peer.sql('UPDATE comments SET mode = 1'); // the seed let through
    await page.goto(pageFor('isso', peer.base));
    await page.waitForSelector('.tl-comment');
    const post = async (text) => {
      await page.evaluate(() => localStorage.removeItem('threadline:last-post'));
      const form = page.locator('.tl-thread > form.tl-form');
      await form.locator('.tl-name').fill('Nareh');
      await form.locator('.tl-text').fill(text);
      await form.locator('.tl-post').click();
      const held = page.locator('.tl-comment.tl-held', { hasText: text });
      await held.waitFor({ timeout: 15000 });
      return (await held.getAttribute('id')).slice(2);
    };
    const kept = await post('Let this one through, please.');
    const refused = await post('A moderator will not like this one.');
    await page.reload();
    await row(page, refused).waitFor();
    assert.match(await row(page, kept).getAttribute('class'), /tl-held/, 'still awaiting, after a reload');

    // The moderator approves one and deletes the other in Isso.
    peer.sql(`UPDATE comments SET mode = 1 WHERE id = ${Number(kept)}`);
    peer.sql(`DELETE FROM comments WHERE id = ${Number(refused)}`);
    await page.reload();
    await notice.waitFor({ timeout: 15000 });
    assert.equal(await row(page, refused).count(), 0);
    assert.equal(await topText.inputValue(), 'A moderator will not like this one.', 'nothing written is lost');
    await row(page, kept).waitFor();
    assert.doesNotMatch(await row(page, kept).getAttribute('class'), /tl-held/);
    assert.deepEqual(unexpected(errors), []);
  } finally {
    await context.close();
    await stop(peer.child);
  }
});
