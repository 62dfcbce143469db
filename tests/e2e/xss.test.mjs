// Hostile markup from a backend (markdown and HTML bodies, links, author
// names, website and avatar URLs) and typed by a reader stays inert: no
// dialog, no script or event-handler attribute created, no link or image
// other than http(s)/mailto, no navigation.
import { record } from './report.mjs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useBrowser, ROOT } from './browser.mjs';
import { jsonServer, seedRows, stop } from './peers.mjs';
import { payloads } from './data/xss.mjs';

const seed = JSON.parse(readFileSync(`${ROOT}seed/asbarez.json`, 'utf8'));
const env = useBrowser();

async function watch(page) {
  const seen = { dialogs: 0 };
  page.on('dialog', async (d) => { seen.dialogs += 1; await d.dismiss(); });
  return seen;
}

/** Anything in the widget that markup could have created. */
function audit(page) {
  return page.evaluate(() => {
    const found = [];
    const allowed = new Set(['SECTION', 'H2', 'OL', 'LI', 'DIV', 'P', 'SPAN', 'BUTTON', 'UL', 'STRONG', 'MARK', 'FORM', 'LABEL', 'INPUT', 'TEXTAREA',
      'EM', 'DEL', 'CODE', 'PRE', 'BLOCKQUOTE', 'BR', 'A', 'IMG', 'SELECT', 'OPTION', 'TIME']);
    for (const el of document.querySelectorAll('.tl-thread *')) {
      if (!allowed.has(el.tagName)) found.push(`element ${el.tagName}`);
      if (['INPUT', 'TEXTAREA', 'FORM'].includes(el.tagName) && !el.closest('form.tl-form')) found.push(`stray ${el.tagName}`);
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) found.push(`${el.tagName}[${a.name}]`);
        if (/^\s*(javascript|data):/i.test(a.value)) found.push(`${el.tagName}[${a.name}=${a.value.slice(0, 20)}]`);
      }
    }
    return { found, pwned: window.__pwned ?? null, scripts: document.scripts.length };
  });
}

// json-server through a full description, so the same rows can be read as
// markdown or as HTML and carry website and avatar URLs.
function description(format) {
  const d = JSON.parse(readFileSync(`${ROOT}crates/threadline-sync/presets/json-server.json`, 'utf8'));
  d.body_format = format;
  d.fields.website = '/website';
  d.fields.avatar = '/avatar';
  return d;
}

/** Every link and image the widget drew points where it may. */
function links(page) {
  return page.evaluate(() => {
    const bad = [];
    for (const a of document.querySelectorAll('.tl-thread a[href]')) {
      const href = a.getAttribute('href');
      if (href.startsWith('#c-')) continue;
      if (!/^(https?:\/\/|mailto:)/i.test(href)) bad.push(`a href=${href.slice(0, 40)}`);
      if (a.getAttribute('rel') !== 'nofollow ugc noopener') bad.push(`a rel=${a.getAttribute('rel')}`);
    }
    for (const img of document.querySelectorAll('.tl-thread img')) {
      if (!/^https?:\/\//i.test(img.getAttribute('src'))) bad.push(`img src=${img.getAttribute('src').slice(0, 40)}`);
    }
    return bad;
  });
}

for (const format of ['markdown', 'html']) {
  test(`${payloads.length} payloads from a ${format} backend, as bodies, links, author names, websites and avatars, stay inert`, async () => {
    const rows = seedRows(seed);
    payloads.forEach((p, i) => rows.push({
      id: `x${i}`, thread: seed.thread, parentId: i % 2 ? '7' : null, author: p,
      body: format === 'markdown' ? `${p}\n\n[link](${p}) <${p}>` : `<p>${p}</p><a href="${p}">link</a>`,
      website: p, avatar: p, createdAt: 1_500_000_000_000 + i,
    }));
    const js = await jsonServer(rows);
    const context = await env.newContext();
    const page = await context.newPage();
    const seen = await watch(page);
    try {
      const desc = encodeURIComponent(JSON.stringify(description(format)));
      const url = `${env.url}?description=${desc}&base=${encodeURIComponent(js.base)}&poll=0&top=1000&replies=1000`;
      await page.goto(url);
      await page.waitForSelector('[id="c-x0"]');
      await page.waitForTimeout(300);
      const scripts = await page.evaluate(() => document.scripts.length);
      assert.equal(await page.locator('.tl-comment').count(), 15 + payloads.length);
      for (let i = 0; i < payloads.length; i++) {
        const row = page.locator(`[id="c-x${i}"]`);
        assert.equal(await row.locator('.tl-author').textContent(), payloads[i], `author ${i} shown as text`);
        assert.ok((await row.locator('.tl-body').textContent()).trim().length > 0, `body ${i} shows something`);
      }
      const a = await audit(page);
      const bad = await links(page);
      const executed = seen.dialogs + a.found.length + bad.length + (a.pwned === null ? 0 : 1) + (page.url() === url ? 0 : 1);
      record('xss', { tried: payloads.length * 4, executed });
      assert.deepEqual(a, { found: [], pwned: null, scripts });
      assert.deepEqual(bad, []);
      assert.equal(seen.dialogs, 0);
      assert.equal(page.url(), url);
    } finally {
      await context.close();
      await stop(js.child);
    }
  });
}

test(`${payloads.length} payloads typed and posted by a reader stay text`, async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  const seen = await watch(page);
  const url = `${env.url}?backend=local&poll=0`;
  await page.goto(url);
  await page.waitForSelector('.tl-comment');
  const scripts = await page.evaluate(() => document.scripts.length);
  const form = page.locator('form.tl-form').first();
  await form.locator('.tl-name').fill('<img src=x onerror=alert(1)>');
  let posted = 0;
  for (const p of payloads) {
    await page.evaluate(() => localStorage.removeItem('threadline:last-post'));
    await form.locator('.tl-text').fill(p);
    await page.waitForTimeout(150); // let the policy check render its marks
    if (await form.locator('.tl-post').isDisabled()) continue;
    await form.locator('.tl-post').click();
    if (await form.locator('.tl-confirm').count()) await form.locator('.tl-post-anyway').click();
    // Posted exactly when the form let go of the text (a late block keeps it).
    if ((await form.locator('.tl-text').inputValue()) === '') posted += 1;
  }
  assert.ok(posted > payloads.length * 0.9, `most payloads are postable (${posted})`);
  await page.waitForFunction((n) => document.querySelectorAll('.tl-comment').length === n, 15 + posted);
  await page.reload();
  await page.waitForSelector('.tl-comment');
  const a = await audit(page);
  const bad = await links(page);
  record('xss', { tried: payloads.length, executed: seen.dialogs + a.found.length + bad.length + (a.pwned === null ? 0 : 1) + (page.url() === url ? 0 : 1) });
  assert.deepEqual(a, { found: [], pwned: null, scripts });
  assert.deepEqual(bad, []);
  assert.equal(seen.dialogs, 0);
  assert.equal(page.url(), url);
  console.log(`xss: ${payloads.length} payloads × 9 places (markdown and HTML bodies and links, author, website, avatar; typed), executed: 0`);
  await context.close();
});

test(`${payloads.length} payloads as a site's policy title and text (mount() on a host page) stay text`, async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  const seen = await watch(page);
  try {
    const url = `${env.url}host/`;
    await page.goto(url);
    await page.waitForFunction(() => window.Threadline);
    const result = await page.evaluate(async (list) => {
      const found = [];
      let shownAsText = 0;
      for (const p of list) {
        const el = document.createElement('div');
        document.body.append(el);
        const handle = await window.Threadline.mount(el, { thread: 'xss-policy', backend: 'local', poll_ms: 0, policy_title: p, policy_text: p });
        const root = el.shadowRoot;
        const policy = root.querySelector('.tl-policy');
        if (policy && policy.querySelector('h2').textContent === p && policy.querySelector('p').textContent === p) shownAsText += 1;
        for (const e of root.querySelectorAll('.tl-policy *')) {
          if (!['H2', 'P'].includes(e.tagName)) found.push(`element ${e.tagName}`);
          for (const a of e.attributes) if (/^on/i.test(a.name)) found.push(`${e.tagName}[${a.name}]`);
        }
        handle.unmount();
        el.remove();
      }
      return { found, shownAsText, pwned: window.__pwned ?? null };
    }, payloads);
    await page.waitForTimeout(300);
    const executed = seen.dialogs + result.found.length + (result.pwned === null ? 0 : 1) + (page.url() === url ? 0 : 1);
    record('xss', { tried: payloads.length, executed });
    assert.deepEqual(result.found, []);
    assert.equal(result.shownAsText, payloads.length, 'every title and text shown exactly as written');
    assert.equal(result.pwned, null);
    assert.equal(seen.dialogs, 0);
    assert.equal(page.url(), url);
  } finally {
    await context.close();
  }
});
