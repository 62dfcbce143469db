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

test('a nudge asks once and can be overridden', async () => {
  const { context, page, errors, form } = await open();
  await form.locator('.tl-text').fill('WHY IS NOBODY IN YEREVAN TALKING ABOUT THESE ARMS DEALS WITH BAKU');
  await form.locator('.tl-finding[data-action="nudge"]').waitFor();
  assert.equal(await form.locator('.tl-post').isDisabled(), false);
  await form.locator('.tl-post').click();
  await form.locator('.tl-confirm').waitFor();
  await form.screenshot({ path: `${ARTIFACTS}/21-policy-nudge.png` });
  await form.locator('.tl-post-anyway').click();
  await page.waitForSelector('.tl-comment >> text=WHY IS NOBODY IN YEREVAN');
  assert.equal(await form.locator('.tl-confirm').count(), 0);
  assert.equal(await form.locator('.tl-text').inputValue(), '');
  assert.deepEqual(errors, []);
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
