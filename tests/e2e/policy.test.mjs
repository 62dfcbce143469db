// The discussion policy checked in the browser as the reader types: findings
// marked in place and explained, Post disabled while blocked, nudges asked
// once, and every comment the real page published still postable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, watchErrors, ARTIFACTS, ROOT } from './browser.mjs';

const seed = JSON.parse(readFileSync(`${ROOT}seed/asbarez.json`, 'utf8'));
const env = useBrowser();

async function open() {
  const context = await env.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.url}?backend=local`);
  await page.waitForSelector('.tl-comment');
  const form = page.locator('form.tl-form').first();
  await form.locator('.tl-name').fill('Reader');
  return { context, page, errors, form };
}

// The cooldown rule counts from the last post; tests posting in a row skip it.
const forgetLastPost = (page) => page.evaluate(() => localStorage.removeItem('threadline:last-post'));

test('a personal attack is marked, explained and cannot be posted until fixed', async () => {
  const { context, page, errors, form } = await open();
  const text = form.locator('.tl-text');
  await text.pressSequentially('Sokimag, you are an idiot.', { delay: 5 });
  await form.locator('.tl-finding[data-action="block"]').waitFor();
  assert.equal(await form.locator('.tl-post').isDisabled(), true);
  assert.match(await form.locator('.tl-findings').textContent(), /Cannot be posted/);
  assert.match(await form.locator('.tl-mirror mark.tl-mark-block').first().textContent(), /idiot/);
  assert.equal(await text.inputValue(), 'Sokimag, you are an idiot.', 'the draft is never rewritten');
  await form.scrollIntoViewIfNeeded();
  await form.screenshot({ path: `${ARTIFACTS}/20-policy-block.png` });

  await text.fill('Sokimag, you are wrong about the numbers.');
  await page.waitForFunction(() => !document.querySelector('form.tl-form .tl-finding'));
  assert.equal(await form.locator('.tl-post').isDisabled(), false);
  await form.locator('.tl-post').click();
  await page.waitForSelector('.tl-comment >> text=you are wrong about the numbers');
  assert.deepEqual(errors, []);
  await context.close();
});

test('evasions and other languages are caught; criticism of public figures is not', async () => {
  const { context, page, form } = await open();
  const text = form.locator('.tl-text');
  for (const bad of ['you are a f.u.c.k.i.n.g disgrace', 'ты идиот', 'I will kill you', 'y0u st00pid m0r0n']) {
    await text.fill(bad);
    await form.locator('.tl-finding').first().waitFor();
    assert.equal(await form.locator('.tl-post').isDisabled(), true, bad);
  }
  for (const fine of ['Aliyev and his family are busy embezzling; Putin is no friend of ours.', 'I disagree with the government. It is corrupt.', 'Scunthorpe cocktail therapist assassin in Essex']) {
    await text.fill(fine);
    await page.waitForFunction(() => !document.querySelector('form.tl-form .tl-finding'));
    assert.equal(await form.locator('.tl-post').isDisabled(), false, fine);
  }
  await context.close();
});

test('a draft pasted over a flagged one is never quoted or marked as the old offence, and screen readers hear each finding once', async () => {
  const { context, page, errors, form } = await open();
  await form.locator('.tl-text').fill('You are an idiot.');
  await form.locator('.tl-finding[data-action="block"]').waitFor();
  assert.match(await form.locator('.tl-sr').textContent(), /^Cannot be posted: “You are an idiot” insults another commenter\./);
  // What shows in the frame after the paste, long before its own check (120 ms after typing stops).
  const shown = await page.evaluate(async () => {
    const box = document.querySelector('form.tl-form .tl-text');
    box.value = 'I respectfully disagree with this article.';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => r()));
    const f = box.closest('form');
    return [f.querySelector('.tl-findings').textContent, f.querySelectorAll('.tl-mirror mark').length, box.getAttribute('aria-invalid'), f.querySelector('.tl-post').disabled];
  });
  assert.deepEqual(shown, ['', 0, 'false', false]);
  // A wait counting down is told once, not at each second.
  await page.evaluate(() => localStorage.setItem('threadline:last-post', String(Date.now() - 15000)));
  await form.locator('.tl-text').fill('A second thought, typed quickly.');
  await form.locator('.tl-finding-cooldown').waitFor();
  const told = await form.locator('.tl-sr').textContent();
  const first = await form.locator('.tl-finding-cooldown').textContent();
  await page.waitForFunction((was) => document.querySelector('form.tl-form .tl-finding-cooldown')?.textContent !== was, first);
  assert.equal(await form.locator('.tl-sr').textContent(), told, 'the live region keeps its words while the count changes');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a nudge asks once and can be overridden', async () => {
  const { context, page, errors, form } = await open();
  await form.locator('.tl-text').fill('WHY IS NOBODY IN YEREVAN TALKING ABOUT THESE ARMS DEALS WITH BAKU');
  await form.locator('.tl-finding[data-action="nudge"]').waitFor();
  assert.equal(await form.locator('.tl-post').isDisabled(), false);
  await form.locator('.tl-post').click();
  await form.locator('.tl-confirm').waitFor();
  // The question takes focus (on Edit, which changes nothing).
  await page.waitForFunction(() => document.activeElement?.className === 'tl-edit-anyway');
  await form.screenshot({ path: `${ARTIFACTS}/21-policy-nudge.png` });
  await form.locator('.tl-post-anyway').click();
  await page.waitForSelector('.tl-comment >> text=WHY IS NOBODY IN YEREVAN');
  assert.equal(await form.locator('.tl-confirm').count(), 0);
  assert.equal(await form.locator('.tl-text').inputValue(), '');
  // Focus is not left on the button that went: it is back in the box.
  await page.waitForFunction(() => document.activeElement?.classList.contains('tl-text'));
  // And a screen reader is told the comment was posted.
  await page.waitForFunction(() => document.querySelector('.tl-thread > p.tl-sr[role="status"]')?.textContent === 'Your comment was posted.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the same comment twice is refused; the same words under a name someone else also uses are not', async () => {
  const { context, page, errors, form } = await open();
  const text = form.locator('.tl-text');
  // Another commenter's comment, written again by a reader who took the same name.
  const theirs = seed.comments.find((c) => c.id === '10');
  await form.locator('.tl-name').fill(theirs.author);
  await text.fill('you are an idiot');
  await form.locator('.tl-finding').first().waitFor();
  await text.fill(theirs.body);
  await page.waitForFunction(() => !document.querySelector('form.tl-form .tl-finding'));
  assert.equal(await form.locator('.tl-post').isDisabled(), false, 'not the reader\'s own comment');

  await forgetLastPost(page);
  const mine = 'The arms sales say more about Moscow than about Baku.';
  await text.fill(mine);
  await page.waitForFunction(() => !document.querySelector('form.tl-form .tl-finding'));
  await form.locator('.tl-post').click();
  await page.waitForSelector(`.tl-comment >> text=${mine}`);
  await forgetLastPost(page);
  await text.fill(mine.toUpperCase().replace('.', '!'));
  await form.locator('.tl-finding-duplicate[data-action="block"]').waitFor();
  assert.equal(await form.locator('.tl-post').isDisabled(), true);
  assert.match(await form.locator('.tl-findings').textContent(), /already posted/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an edit is checked as it is typed, marked and explained, and Save waits until it is fixed', async () => {
  const { context, page, errors, form } = await open();
  await forgetLastPost(page);
  await form.locator('.tl-text').fill('A calm first comment about the deal.');
  await form.locator('.tl-post').click();
  // By id: while it is edited, the row's text is in the form's box.
  const id = await page.locator('.tl-comment', { hasText: 'A calm first comment' }).getAttribute('id');
  const row = page.locator(`[id="${id}"]`);
  await row.locator('.tl-edit').click();
  const edit = row.locator('form.tl-form-edit');
  await edit.locator('.tl-text').fill('Edited: Sokimag, you are an idiot.');
  await edit.locator('.tl-finding[data-action="block"]').waitFor();
  assert.equal(await edit.locator('.tl-save').isDisabled(), true);
  assert.match(await edit.locator('.tl-mirror mark.tl-mark-block').first().textContent(), /idiot/);
  assert.equal(await edit.locator('.tl-text').getAttribute('aria-invalid'), 'true');
  await edit.screenshot({ path: `${ARTIFACTS}/27-policy-edit.png` });
  await edit.locator('.tl-text').fill('Edited: a calm comment about the deal.');
  await page.waitForFunction(() => !document.querySelector('form.tl-form-edit .tl-finding'));
  assert.equal(await edit.locator('.tl-save').isDisabled(), false);
  await edit.locator('.tl-save').click();
  await page.waitForSelector('.tl-comment >> text=Edited: a calm comment about the deal.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('posting too quickly: the wait counts down by itself and Post comes back when it is over', async () => {
  const { context, page, errors, form } = await open();
  // The last post 18 s ago: two seconds of the 20 s cooldown left.
  await page.evaluate(() => localStorage.setItem('threadline:last-post', String(Date.now() - 18000)));
  await form.locator('.tl-text').fill('A second thought, typed quickly.');
  const wait = form.locator('.tl-finding-cooldown[data-action="block"]');
  await wait.waitFor();
  assert.match(await wait.textContent(), /wait \d+ more seconds?\. It can be posted once the wait is over\./);
  assert.equal(await form.locator('.tl-post').isDisabled(), true);
  // Nothing typed since: the check runs again as the wait ends.
  await page.waitForFunction(() => !document.querySelector('form.tl-form .tl-finding'), null, { timeout: 10000 });
  assert.equal(await form.locator('.tl-post').isDisabled(), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone, a long unbroken word quoted in a finding wraps: the form stays within the screen', async () => {
  const { context, page, form } = await open();
  await page.setViewportSize({ width: 375, height: 760 });
  await form.locator('.tl-text').fill(`Sokimag, you are an idiot ${'W'.repeat(90)} end`);
  await form.locator('.tl-finding').first().waitFor();
  const widths = await form.evaluate((f) => ({
    form: f.getBoundingClientRect().right,
    widest: Math.max(...[...f.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)),
    page: document.documentElement.clientWidth,
  }));
  assert.ok(widths.widest <= widths.form + 1, `a part of the form reaches ${widths.widest} px, the form ${widths.form}`);
  assert.ok(widths.form <= widths.page, `the form reaches ${widths.form} px of ${widths.page}`);
  await context.close();
});

test('Arabic and Hebrew run right to left: in the comment, its author\'s name and the text box', async () => {
  const { context, page, form } = await open();
  await forgetLastPost(page);
  await form.locator('.tl-name').fill('سارة');
  await form.locator('.tl-text').fill('هذا تعليق باللغة العربية. هل توافق؟\n\nשלום! מה שלומך?');
  assert.equal(await form.locator('.tl-text').getAttribute('dir'), 'auto');
  await form.locator('.tl-post').click();
  const body = page.locator('.tl-comment .tl-body', { hasText: 'هذا تعليق' });
  await body.waitFor();
  // Each paragraph's text ends at its right edge (right-aligned, right to left).
  const gaps = await body.evaluate((b) => [...b.querySelectorAll('p')].map((p) => {
    const r = document.createRange();
    r.selectNodeContents(p);
    return Math.round(p.getBoundingClientRect().right - r.getBoundingClientRect().right);
  }));
  assert.deepEqual(gaps, [0, 0]);
  await context.close();
});

test("every comment the real page published can be posted", async () => {
  const { context, page, errors, form } = await open();
  for (const c of seed.comments) {
    await forgetLastPost(page);
    await form.locator('.tl-text').fill(c.body);
    await page.waitForTimeout(200);
    const findings = await form.locator('.tl-finding').allTextContents();
    assert.equal(await form.locator('.tl-post').isDisabled(), false, `${c.id}: ${findings}`);
    await form.locator('.tl-post').click();
    assert.equal(await form.locator('.tl-confirm').count(), 0, `${c.id} was nudged: ${findings}`);
  }
  await page.waitForFunction((n) => document.querySelectorAll('.tl-comment').length === n, 30);
  assert.deepEqual(errors, []);
  await context.close();
});
