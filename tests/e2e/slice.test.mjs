// The vertical slice, end to end on the release build: read the seed article,
// collapse, expand, reply with the keyboard, reload, and find it all kept —
// once with the reference server (the demo's default backend, checked
// through its API too) and once with the browser's own storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, watchErrors, wholePageShot, ARTIFACTS, ROOT } from './browser.mjs';
import { referenceServer } from './refserver.mjs';

const env = useBrowser();
let refServer;
before(async () => { refServer = await referenceServer(); });
after(async () => { await refServer?.stop(); });

const row = (page, id) => page.locator(`[id="c-${id}"]`);
const rows = (page) => page.locator('.tl-comment');

/** The demo page on the browser-storage backend: its context, page, errors and top form. */
async function openLocal() {
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.url}?backend=local`);
  await page.waitForSelector('.tl-comment');
  return { context, page, errors, top: page.locator('form.tl-form').first() };
}

for (const backend of ['server', 'local'])
test(`seed article, collapse, keyboard reply and reload (${backend} backend)`, async () => {
  const context = await env.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  const pageUrl = backend === 'server' ? refServer.url : `${env.url}?backend=local`;
  await page.goto(pageUrl);
  await page.waitForSelector('.tl-comment');

  // The article as published.
  assert.equal(await page.locator('h1').textContent(), 'Russia, Azerbaijan Hint at Further Arms Sales');
  assert.equal(await page.locator('.tl-dateline').textContent(), 'BAKU (RFE/RL)');
  assert.match(await page.locator('.tl-figure').textContent(), /Vladimir Putin with Azerbaijani President Ilham Aliyev/);
  const seed = JSON.parse(readFileSync(`${ROOT}seed/asbarez.json`, 'utf8'));
  const shown = await page.locator('.tl-article > p:not(.tl-byline)').allTextContents();
  const [first, ...rest] = seed.article.paragraphs;
  assert.deepEqual(shown, [`${seed.article.dateline}—${first}`, ...rest], 'every paragraph verbatim');
  assert.equal(await page.locator('.tl-policy p').textContent(), seed.policy.text);
  assert.equal(await page.locator('.tl-policy h2').textContent(), 'Discussion Policy');
  assert.equal(await page.locator('.tl-count').textContent(), '15 comments');
  assert.equal(await rows(page).count(), 15);
  assert.equal(await row(page, '7.3.1').getAttribute('data-depth'), '2');
  await wholePageShot(page, `${ARTIFACTS}/01-loaded.png`);

  // Collapse hides the subtree and says how many; expand restores it.
  const toggle7 = row(page, '7').locator('.tl-toggle');
  await toggle7.click();
  assert.equal(await rows(page).count(), 11);
  assert.equal(await row(page, '7').locator('.tl-toggle').textContent(), '[+] 4 replies');
  await row(page, '7').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/02-collapsed.png` });
  await row(page, '7').locator('.tl-toggle').click();
  assert.equal(await rows(page).count(), 15);
  await row(page, '8').locator('.tl-toggle').click();
  assert.equal(await rows(page).count(), 14);

  // Keyboard only: Enter on Reply opens the form with focus in the text,
  // Escape closes it and gives focus back to Reply.
  await row(page, '1').locator('.tl-reply').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'tl-text');
  await page.keyboard.press('Escape');
  assert.equal(await row(page, '1').locator('.tl-form').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.className), 'tl-reply');

  await row(page, '7.3').locator('.tl-reply').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Agreed: alliances are interests, not affection.');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('Nareh');
  await page.screenshot({ path: `${ARTIFACTS}/03-replying.png` });
  await page.keyboard.press('Tab'); // to the text
  await page.keyboard.press('Tab'); // to Post reply
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Post reply');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.tl-comment.tl-new');
  // Shown at once as sending; wait until the backend has confirmed it.
  await page.waitForFunction(() => !document.querySelector('.tl-pending'));
  const ids = await rows(page).evaluateAll((els) => els.map((e) => [e.id, e.dataset.depth]));
  const at = ids.findIndex(([id]) => id === 'c-7.3.1');
  assert.match(ids[at + 1][0], backend === 'local' ? /^c-local-/ : /^c-[a-z0-9]{16}$/);
  assert.equal(ids[at + 1][1], '2');
  assert.equal(await page.locator('.tl-count').textContent(), '16 comments');
  await page.locator('.tl-new').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/04-posted.png` });

  if (backend === 'server') {
    const api = await (await fetch(`${refServer.url}api/comments?thread=${encodeURIComponent(seed.thread)}`)).json();
    const stored = api.comments.filter((c) => c.body === 'Agreed: alliances are interests, not affection.');
    assert.equal(stored.length, 1);
    assert.equal(stored[0].parent, '7.3');
    assert.equal(stored[0].author, 'Nareh');
    assert.equal(api.total, 16);
  }

  // A reload keeps the reply and the collapse state.
  await page.reload();
  await page.waitForSelector('.tl-comment');
  assert.equal(await page.locator('.tl-count').textContent(), '16 comments');
  assert.equal(await row(page, '8').locator('.tl-toggle').textContent(), '[+] 1 reply');
  const reloaded = page.locator('.tl-comment', { hasText: 'alliances are interests' });
  assert.equal(await reloaded.getAttribute('data-depth'), '2');
  assert.equal(await reloaded.locator('.tl-author').textContent(), 'Nareh');

  if (backend === 'server') {
    // The README's picture: the thread with a collapsed comment and a reply
    // being written that the policy has something to say about.
    await row(page, '7.2').locator('.tl-toggle').click();
    await row(page, '7.3.1').locator('.tl-reply').click();
    const form = row(page, '7.3.1').locator('form');
    await page.evaluate(() => localStorage.removeItem('threadline:last-post'));
    await form.locator('.tl-text').fill('GeorgeMardig, you are a moron for ever doubting it.');
    await form.locator('.tl-finding').waitFor();
    await page.setViewportSize({ width: 1000, height: 1250 });
    await row(page, '7.1').locator('.tl-reply').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: `${ROOT}docs/screenshot.png` });
  }

  assert.deepEqual(errors, []);
  await context.close();
});

test('an empty draft is refused with a message and the draft survives a reload', async () => {
  const { context, page, errors, top } = await openLocal();
  await top.locator('.tl-name').fill('Ani');
  await top.locator('.tl-post').click();
  assert.match(await top.locator('.tl-form-error').textContent(), /Write something/);
  assert.equal(await rows(page).count(), 15);
  await top.locator('.tl-text').fill('A thought I have not finished');
  await page.reload();
  await page.waitForSelector('.tl-comment');
  assert.equal(await page.locator('form.tl-form').first().locator('.tl-text').inputValue(), 'A thought I have not finished');
  await page.screenshot({ path: `${ARTIFACTS}/05-error.png` });
  // A post refused for its name: the name box is marked, has focus, and says why.
  const form = page.locator('form.tl-form').first();
  await form.locator('.tl-name').fill('   ');
  await form.locator('.tl-post').click();
  assert.match(await form.locator('.tl-form-error').textContent(), /Enter a name/);
  assert.equal(await page.evaluate(() => document.activeElement.className), 'tl-name');
  assert.equal(await form.locator('.tl-name').getAttribute('aria-invalid'), 'true');
  assert.match(await form.locator('.tl-name').getAttribute('aria-describedby'), /-error$/);
  await page.keyboard.type('Ani');
  assert.equal(await form.locator('.tl-name').getAttribute('aria-invalid'), 'false');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a half-written reply and the name come back after a reload, in the form where they were, focus left alone', async () => {
  const { context, page, errors } = await openLocal();
  await row(page, '7').locator('.tl-reply').click();
  const form = row(page, '7').locator('form.tl-form');
  assert.equal(await form.locator('.tl-text').evaluate((t) => t === document.activeElement), true, 'the reader opened it: focus in');
  await form.locator('.tl-name').fill('Nareh');
  await form.locator('.tl-text').fill('Half a thought about double standards');
  await page.reload();
  await page.waitForSelector('.tl-comment');
  const again = row(page, '7').locator('form.tl-form');
  await again.waitFor();
  assert.equal(await again.locator('.tl-text').inputValue(), 'Half a thought about double standards');
  assert.equal(await again.locator('.tl-name').inputValue(), 'Nareh');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'the page is not scrolled to it');
  assert.equal(await page.locator('form.tl-form').count(), 2, 'the top form and that reply only');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a control character pasted into a comment is named before anything is sent, and the draft kept', async () => {
  const { context, page, errors, top } = await openLocal();
  await top.locator('.tl-name').fill('Ani');
  await top.locator('.tl-text').fill('Page one\u000Cpage two');
  await top.locator('.tl-post').click();
  assert.match(await top.locator('.tl-form-error').textContent(), /control characters \(U\+000C\)/);
  assert.equal(await rows(page).count(), 15, 'nothing posted');
  assert.equal(await top.locator('.tl-text').inputValue(), 'Page one\u000Cpage two', 'the draft as typed');
  assert.deepEqual(errors, []);
  await context.close();
});

test('what this browser kept that cannot be read is set aside whole and said, never written over', async () => {
  const { thread } = JSON.parse(readFileSync(`${ROOT}seed/asbarez.json`, 'utf8'));
  const { context, page, errors } = await openLocal();
  // A held comment with no author, and an owned map that is not one.
  const held = '[{"id":"c1","body":"hi","held":true}]';
  const owned = '"not a map"';
  await page.evaluate(([t, h, o]) => {
    localStorage.setItem(`threadline:held:${t}`, h);
    localStorage.setItem(`threadline:owned:${t}`, o);
    localStorage.setItem('threadline:outbox', '{bad');
  }, [thread, held, owned]);
  await page.reload();
  await page.waitForSelector('.tl-comment');
  const notice = page.locator('.tl-notice');
  await notice.filter({ hasText: 'could not be read' }).waitFor();
  // Both said: the unsent comments, and the rest.
  assert.match(await notice.textContent(), /^Unsent comments from an earlier visit could not be read.*a copy stays saved\.$/);

  // Posting writes which comments are the reader's again: the copies stay.
  const top = page.locator('form.tl-form').first();
  await top.locator('.tl-name').fill('Ani');
  await top.locator('.tl-text').fill('Still here after all.');
  await top.locator('.tl-post').click();
  await page.waitForSelector('.tl-comment >> text=Still here after all.');
  const aside = await page.evaluate((t) => Object.keys(localStorage)
    .filter((k) => k.includes(':unreadable:'))
    .map((k) => [k.split(':unreadable:')[0], localStorage.getItem(k)]), thread);
  assert.deepEqual(aside.sort(), [[`threadline:held:${thread}`, held], ['threadline:outbox', '{bad'], [`threadline:owned:${thread}`, owned]]);
  assert.equal(await page.locator('.tl-comment >> text=Still here after all.').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a poll interval and timeout longer than a browser timer can wait still load, post and poll', async () => {
  // 3e9 ms is past 2^31 - 1, where a browser timer call throws.
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${refServer.url}?poll=3000000000&timeout=3000000000`);
  await page.waitForSelector('.tl-comment');
  const top = page.locator('form.tl-form').first();
  await top.locator('.tl-name').fill('Ani');
  await top.locator('.tl-text').fill('Patience is a long timer.');
  await top.locator('.tl-post').click();
  await page.locator('.tl-comment:not(.tl-pending)', { hasText: 'Patience is a long timer.' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("the demo page's own settings: a value it cannot use is said, not quietly replaced by a default", async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  try {
    for (const [query, said] of [
      ['theme=purple', 'theme="purple" is not one of auto, light, dark'],
      ['top=abc', 'top="abc" is not a whole number'],
      ['timeout=soon', 'timeout="soon" is not a whole number'],
      ['timeout=0', 'timeout="0": a request needs at least 1 ms'],
      ['poll=-5', 'poll="-5" is not a whole number'],
      ['preset=nope', 'unknown preset "nope"'],
      ['backend=nope', 'unknown backend "nope"'],
    ]) {
      await page.goto(`${refServer.url}?${query}`);
      const error = page.locator('.tl-error');
      await error.waitFor();
      assert.match(await error.textContent(), new RegExp(`^Comments cannot be shown: .*${said.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), query);
    }
  } finally {
    await context.close();
  }
});

test('a permalink to a comment that is not there is said; a good one clears it', async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(`${refServer.url}#c-deleted-long-ago`);
    const notice = page.locator('.tl-notice', { hasText: 'The comment this link points to is not in this thread' });
    await notice.waitFor();
    await page.waitForFunction(() => {
      const r = document.querySelector('.tl-notice').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, null, { timeout: 5000 });
    await page.evaluate(() => { location.hash = 'c-7.3'; });
    await page.locator('[id="c-7.3"].tl-target').waitFor();
    assert.equal(await notice.count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('on a phone the replies indent less, so a deep one keeps most of the width; the permalink and the row\'s buttons are big enough to tap', async () => {
  const { context, page, errors } = await openLocal();
  const indent = () => page.evaluate(() => {
    const left = (id) => document.getElementById(`c-${id}`).getBoundingClientRect().left;
    return left('7.3.1') - left('7');
  });
  // 2 levels of 1.5rem on a wide page; of 0.6rem once the widget is narrower than 34rem.
  assert.equal(await indent(), 48);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.waitForFunction(() => document.getElementById('c-7.3.1').getBoundingClientRect().left - document.getElementById('c-7').getBoundingClientRect().left < 48);
  assert.ok(Math.abs((await indent()) - 19.2) < 0.5, `indent ${await indent()}`);
  const small = await page.evaluate(() => [...document.querySelectorAll('[id="c-7.3.1"] :is(button, a)')]
    .filter((e) => e.offsetParent)
    .map((e) => [e.className, e.getBoundingClientRect().width, e.getBoundingClientRect().height])
    .filter(([, w, h]) => w < 24 || h < 24));
  assert.deepEqual(small, [], 'WCAG 2.5.8: at least 24 × 24 CSS px');
  // A time says on hover when, in words and the reader's clock, not in ISO.
  const top = page.locator('form.tl-form').first();
  await top.locator('.tl-name').fill('Ani');
  await top.locator('.tl-text').fill('Posted from a phone.');
  await top.locator('.tl-post').click();
  const title = await page.locator('.tl-comment.tl-new time').getAttribute('title');
  assert.match(title, /^\S.* \d{4}, \d{2}:\d{2}$/, title);
  // "Ctrl+Enter posts" is no help without a keyboard.
  assert.equal(await page.locator('form.tl-form .tl-hint').first().isVisible(), true, 'a mouse and keyboard');
  const touch = await env.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const phone = await touch.newPage();
  await phone.goto(`${env.url}?backend=local`);
  await phone.waitForSelector('.tl-comment');
  assert.equal(await phone.locator('form.tl-form .tl-hint').first().isVisible(), false, 'a touch screen');
  await touch.close();
  await page.evaluate(() => document.getElementById('c-7.2').scrollIntoView());
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: `${ARTIFACTS}/48-phone-deep.png` });
  assert.deepEqual(errors, []);
  await context.close();
});
