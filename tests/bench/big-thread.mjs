// Big threads in headless Chromium on the release build (issue #7): load
// time for 100 / 1,000 / 10,000 generated comments from the reference server,
// collapse and expand of a 1,000-descendant comment, posting into the
// 10,000-comment thread, the policy check per keystroke on a 2 KB draft,
// memory, long tasks while scrolling, DOM nodes per comment; and the same
// 1,000-comment thread in a real Isso 0.14 with its own client, side by side,
// on a first visit and again for a returning reader (files cached).
// Prints numbers and PASS/FAIL against the targets; exits non-zero
// only when the harness itself fails, never for a missed target.
//
//   node tests/bench/big-thread.mjs
//
// BENCH_RUNS (default 5) runs per measurement after one discarded warm-up;
// THREADLINE_SERVER and THREADLINE_DIST override target/release/threadline-server and dist/;
// BENCH_NET=<Mbps>/<ms> loads every page through Chromium's network emulation
// at that bandwidth and latency (e.g. 20/20) instead of bare loopback.
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../e2e/browser.mjs';
import { serve } from '../../tools/serve.mjs';
import { generate, toIsso } from '../../tools/gen-thread.mjs';
import { cleanup, interrupted, onCleanup, referenceServer, issoServer, issoHostPage } from './lib/procs.mjs';
import * as inpage from './lib/inpage.mjs';
import { floorDist } from './lib/floor.mjs';
import { median, worst, ms, mb, num, mw, table, verdict, checkStats } from './lib/report.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const NET = netConditions(process.env.BENCH_NET);

/** `20/20` → CDP's emulateNetworkConditions for 20 Mbps (down; a quarter up) and 20 ms. */
function netConditions(spec) {
  if (!spec) return null;
  const m = /^(\d+(?:\.\d+)?)\/(\d+)$/.exec(spec);
  if (!m) throw new Error(`BENCH_NET must be <Mbps>/<ms>, e.g. 20/20, not ${JSON.stringify(spec)}`);
  const bytesPerSecond = (Number(m[1]) * 1e6) / 8;
  return { offline: false, latency: Number(m[2]), downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond / 4 };
}
const SIZES = [100, 1000, 10_000];
const SEED = 42;
const BIN = process.env.THREADLINE_SERVER ?? join(ROOT, 'target/release/threadline-server');
const DIST = process.env.THREADLINE_DIST ?? join(ROOT, 'dist');
const VIEWPORT = { width: 1100, height: 900 };
const seedDoc = JSON.parse(readFileSync(join(ROOT, 'seed/asbarez.json'), 'utf8'));

// The demo page shows the seed article's thread, so each size gets its own
// server whose thread has that id; `?thread=` names it too, for a page that
// reads it.
const THREAD = seedDoc.thread;
const pageUrl = (base) => `${base}?thread=${encodeURIComponent(THREAD)}&poll=0`;

// The same 2 KB draft as tests/bench/policy-chromium.mjs: the seed's real comments.
let DRAFT = seedDoc.comments.map((c) => c.body).join('\n\n');
while (Buffer.byteLength(DRAFT) < 2048) DRAFT += `\n\n${DRAFT}`;
DRAFT = Buffer.from(DRAFT).subarray(0, 2048).toString('utf8').replace(/\uFFFD$/, '');

const warnings = [];

// Each step is said on stderr; a step that takes longer than STALL_MS ends
// the run with where it stalled (page.evaluate has no timeout of its own,
// and one run here once sat for half an hour with nothing said).
const STALL_MS = 600_000; // the floor page's first build alone can take minutes
let current = { what: 'start', since: Date.now() };
function step(what) {
  process.stderr.write(`${what}\n`);
  current = { what, since: Date.now() };
}
const watchdog = setInterval(async () => {
  if (Date.now() - current.since < STALL_MS) return;
  clearInterval(watchdog);
  console.error(`big-thread bench stalled: no progress for ${STALL_MS / 1000} s at "${current.what}"`);
  await cleanup();
  process.exit(1);
}, 5000);
watchdog.unref();

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    timeout: 60000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      // Chromium otherwise loads its omnibox popup's WebUI (some 400 chrome://
      // files in a renderer of its own) with every new page: on two cores it
      // ran beside each measured load, Isso's and the floor's as much as ours.
      '--disable-features=PreloadTopChromeWebUI',
      // Exact heap numbers, and a GC before reading them.
      '--enable-precise-memory-info', '--js-flags=--expose-gc'],
  });
}

/**
 * A fresh context (no stored collapse state, drafts or cooldown) with the
 * page loaded and settled. With `revisit`, the page is loaded once before, in
 * the same context, and the second load is measured: a returning reader,
 * whose browser kept the files (and Chromium the code compiled from them).
 */
async function load(browser, url, kind, label, revisit = false) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  context.setDefaultTimeout(30000);
  await context.addInitScript(inpage.instrument, kind);
  const page = await context.newPage();
  if (NET) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NET);
  }
  page.on('pageerror', (e) => warnings.push(`${label}: page error: ${e}`));
  page.on('console', (m) => { if (m.type() === 'error') warnings.push(`${label}: console: ${m.text()}`); });
  step(label);
  if (revisit) {
    const first = await context.newPage();
    const done = inpage.settled(first);
    await first.goto(url, { waitUntil: 'commit', timeout: 60000 });
    await done;
    await first.close();
  }
  const settled = inpage.settled(page);
  await page.goto(url, { waitUntil: 'commit', timeout: 60000 });
  await settled;
  const s = await page.evaluate(inpage.loadSummary, { kind, listUrlPart: kind === 'tl' ? '/api/comments?' : '/?uri=' });
  // The split of the total: before the list request, the request, after it.
  s.server = s.listEnd !== null ? s.listEnd - s.listStart : null;
  // Client work starts when the answer is there and the client is ready for
  // it: Threadline's page asks before its wasm runs, so the later of the two.
  s.render = s.listEnd !== null ? s.lastComment - Math.max(s.listEnd, s.listTaken ?? 0) : null;
  s.boot = s.listStart;
  return { context, page, s };
}

async function measureThreadline(browser, url, n, doc) {
  const out = { n, loads: [], toggles: [], keys: [], checks: [], engine: [], scrolls: [], replies: [], mem: [] };
  const full = n === 10_000;
  for (let run = 0; run <= RUNS; run++) {
    const label = `threadline ${n} run ${run}`;
    const { context, page, s } = await load(browser, url, 'tl', label);
    try {
      if (run === 0) continue; // warm-up: server caches, Chromium's compiled-code cache
      out.loads.push(s);
      out.mem.push(await page.evaluate(inpage.memory));
      const { id, descendants } = doc.bench.collapse;
      if (n >= 1000 && await page.$(`[id="c-${id}"] .tl-toggle`)) {
        // Paging may show only part of the subtree: the rows it hid are reported.
        step(`${label}: collapse and expand`);
        for (let k = 0; k < (full ? 3 : 1); k++) out.toggles.push(await page.evaluate(inpage.collapseExpand, { id }));
      } else if (n >= 1000 && run === 1) {
        warnings.push(`threadline ${n}: comment ${id} (${descendants} descendants) is not in the DOM after loading; collapse not measured`);
      }
      if (!full) continue;
      step(`${label}: typing`);
      await keystrokes(page, out);
      step(`${label}: scrolling`);
      out.scrolls.push(await page.evaluate(inpage.scrollToBottom, 60000));
      step(`${label}: replying`);
      await reply(page, doc.bench.reply_to, run, out);
    } finally {
      await context.close();
    }
  }
  return out;
}

/** Types into the top-level form holding a 2 KB draft, pausing past the 120 ms check debounce. */
async function keystrokes(page, out) {
  const text = page.locator('.tl-thread > form.tl-form .tl-text');
  await page.evaluate(inpage.watchKeystrokes);
  await text.fill(DRAFT);
  await page.waitForTimeout(400);
  await page.evaluate(() => { window.__bench.checks.length = 0; window.__bench.keys.length = 0; });
  await text.focus();
  await page.keyboard.press('Control+End');
  for (const ch of ' and more') {
    await page.keyboard.type(ch);
    await page.waitForTimeout(250);
  }
  const { keys, checks } = await page.evaluate(() => ({ keys: window.__bench.keys, checks: window.__bench.checks }));
  out.keys.push(...keys);
  out.checks.push(...checks.filter((c) => c.frame !== null));
  const engine = await page.evaluate((t) => window.wasmBindings?.benchPolicyCheck
    ? window.wasmBindings.benchPolicyCheck(t, 200).then((a) => Array.from(a)) : null, DRAFT);
  if (engine) out.engine.push(checkStats(engine));
}

async function reply(page, parent, run, out) {
  await page.evaluate((id) => document.querySelector(`[id="c-${id}"] .tl-reply`).click(), parent);
  const form = page.locator(`[id="c-${parent}"] form.tl-form`);
  await form.waitFor({ timeout: 15000 });
  await form.locator('.tl-name').fill('Bench Reader');
  await form.locator('.tl-text').fill(`Thank you, that explains the background well (reply ${run}).`);
  // The debounced check must have run, or Post could still change state under the click.
  await page.waitForTimeout(400);
  const r = await page.evaluate(inpage.postReply, { parent });
  if (r.unsent) warnings.push(`threadline 10000: reply not stored: ${r.unsent}`);
  out.replies.push(r);
}

async function measureIsso(browser, url, expected) {
  const out = { loads: [], mem: [] };
  for (let run = 0; run <= RUNS; run++) {
    const { context, page, s } = await load(browser, url, 'isso', `isso run ${run}`);
    try {
      if (run === 0) continue;
      if (s.comments !== expected) warnings.push(`isso run ${run}: ${s.comments} of ${expected} comments rendered`);
      out.loads.push(s);
      out.mem.push(await page.evaluate(inpage.memory));
    } finally {
      await context.close();
    }
  }
  return out;
}

/** Loads of a returning reader (see `load`), after one discarded warm-up. */
async function measureRevisits(browser, url, kind, label) {
  const loads = [];
  for (let run = 0; run <= RUNS; run++) {
    const { context, s } = await load(browser, url, kind, `${label} run ${run}`, true);
    await context.close();
    if (run > 0) loads.push(s);
  }
  return loads;
}

/** The Leptos floor (lib/floor.mjs) drawing `rows` rows on the demo page, loaded like Threadline. */
async function measureFloor(browser, seed, rows) {
  step('building the Leptos floor page');
  const made = floorDist(DIST, rows);
  if (!made.dir) {
    warnings.push(`floor: ${made.reason}; not measured`);
    return null;
  }
  const server = await referenceServer({ bin: BIN, dist: made.dir, seeds: [seed] });
  const loads = [];
  for (let run = 0; run <= RUNS; run++) {
    const { context, s } = await load(browser, pageUrl(server.url), 'tl', `floor run ${run}`);
    await context.close();
    if (run > 0) loads.push(s);
  }
  return { rows, loads };
}

async function main() {
  for (const [what, path] of [['release widget (tools/build-release.sh)', join(DIST, 'index.html')], ['release server binary', BIN]]) {
    if (!existsSync(path)) throw new Error(`${what} missing at ${path}`);
  }
  const work = mkdtempSync(join(tmpdir(), 'tl-bench-threads-'));
  const docs = {};
  for (const n of SIZES) {
    docs[n] = generate({ n, seed: SEED, thread: THREAD });
    writeFileSync(join(work, `bench-${n}.json`), JSON.stringify(docs[n]));
  }
  const servers = {};
  await Promise.all(SIZES.map(async (n) => {
    servers[n] = await referenceServer({ bin: BIN, dist: DIST, seeds: [join(work, `bench-${n}.json`)] });
  }));

  // Isso's page origin must be known to Isso (`host`) before it starts; the
  // page itself names Isso's address, so it is written after.
  const hostDir = mkdtempSync(join(tmpdir(), 'tl-bench-host-'));
  const host = await serve(hostDir, 0);
  onCleanup(() => new Promise((ok) => host.close(ok)));
  const hostOrigin = `http://127.0.0.1:${host.address().port}`;
  const issoDoc = toIsso(docs[1000]);
  const isso = await issoServer(hostOrigin, issoDoc);
  issoHostPage(hostDir, isso.base, issoDoc.uri, seedDoc.article);

  const browser = await launch();
  onCleanup(() => browser.close());
  console.log(`Chromium ${browser.version()}, ${RUNS} runs per measurement after 1 warm-up; median / worst.` +
    (NET ? ` Network emulated: ${process.env.BENCH_NET} (Mbps / ms latency).` : ''));
  for (const n of SIZES) {
    const b = docs[n].bench;
    console.log(`thread ${n}: seed ${SEED}, max depth ${b.max_depth}, ${b.authors} authors, mean body ${b.mean_body_chars} chars, ` +
      `collapse target ${b.collapse.id} with ${b.collapse.descendants} descendants`);
  }

  const tl = {};
  for (const n of SIZES) tl[n] = await measureThreadline(browser, pageUrl(servers[n].url), n, docs[n]);
  const floor = await measureFloor(browser, join(work, 'bench-1000.json'), median(tl[1000].loads.map((s) => s.comments)));
  const is = await measureIsso(browser, `${hostOrigin}/`, issoDoc.comments.length);
  tl.back = await measureRevisits(browser, pageUrl(servers[1000].url), 'tl', 'threadline 1000 revisit');
  is.back = await measureRevisits(browser, `${hostOrigin}/`, 'isso', 'isso revisit');
  await cleanup();
  clearInterval(watchdog);
  printReport(tl, is, docs, floor);
}

function printReport(tl, is, docs, floor) {
  const loadRows = [...SIZES.map((n) => [`Threadline ${num(n)}`, tl[n].loads]),
    ...(floor ? [[`Leptos floor (${floor.rows} rows)`, floor.loads]] : []), ['Isso 1,000', is.loads],
    ['Threadline 1,000, again', tl.back], ['Isso 1,000, again', is.back]];
  table('Loading (ms since navigation start; in DOM = comments rendered at first: Threadline pages big threads, Isso here renders all)', ['page', 'in DOM', 'first paint', 'FCP', 'first comment', 'last comment', 'last painted', 'interactive', 'long tasks (worst)'],
    loadRows.map(([name, L]) => [name, num(median(L.map((s) => s.comments))), mw(L, 'fp'), mw(L, 'fcp'), mw(L, 'firstComment'),
      mw(L, 'lastComment'), mw(L, 'lastCommentFrame'), mw(L, 'interactive'), `${median(L.map((s) => s.longtasks))} (≤ ${ms(worst(L.map((s) => s.worstLongtask)))})`]));

  const split = [['Threadline 1,000', tl[1000].loads], ['Isso 1,000', is.loads]];
  table('1,000 comments: where the time goes (list request = server; render = list answer, or the widget taking it when that came later, → last comment)',
    ['page', 'total', 'before list request', 'list request', 'render', 'list bytes', 'elements/comment', 'nodes/comment'],
    split.map(([name, L]) => [name, mw(L, 'lastComment'), mw(L, 'boot'), mw(L, 'server'), mw(L, 'render'),
      num(median(L.map((s) => s.listBytes))), num(median(L.map((s) => s.elements / s.comments)), 1), num(median(L.map((s) => s.nodes / s.comments)), 1)]));

  const memRows = [['Threadline 1,000', tl[1000].mem], ['Threadline 10,000', tl[10_000].mem], ['Isso 1,000', is.mem]];
  table('Memory after loading (after a full GC)', ['page', 'JS heap', 'wasm memory', 'total'],
    memRows.map(([name, M]) => [name, mw(M, 'jsHeap', mb), mw(M, 'wasm', mb), mw(M, (m) => (m.jsHeap ?? 0) + (m.wasm ?? 0), mb)]));

  const big = tl[10_000];
  const t1k = tl[1000];
  const toggleRow = (name, T) => [name, `${T.length}`, num(median(T.map((t) => t[2]))), mw(T, 0), mw(T, 1), mw(T, 3), mw(T, 4), mw(T, 5)];
  table('Collapse / expand (click at any moment → frame after the DOM change, vsync wait included; idle = that wait with no click; ' +
    'in frame = click at a frame\'s start → that frame produced, the work the toggle adds to a frame)',
  ['comment', 'samples', 'rows hidden', 'collapse', 'expand', 'idle frame', 'collapse in frame', 'expand in frame'], [
    toggleRow(`${docs[10_000].bench.collapse.descendants} descendants (10,000 thread)`, big.toggles),
    toggleRow(`${docs[1000].bench.collapse.descendants} descendants (1,000 thread)`, t1k.toggles)]);

  const sc = big.scrolls;
  table('Scrolling the 10,000 thread to the bottom of what is rendered (one viewport or more per frame, no "more" clicked)', ['runs', 'reached bottom', 'comments then', 'frames', 'worst frame gap', 'long tasks > 50 ms', 'worst long task'],
    [[`${sc.length}`, `${sc.filter((s) => s.reachedBottom).length}/${sc.length}`, num(median(sc.map((s) => s.comments))), num(median(sc.map((s) => s.frames))),
      mw(sc, 'worstGap'), `${sc.reduce((a, s) => a + s.longtasks, 0)} in all`, ms(worst(sc.map((s) => s.worstLongtask)))]]);

  const rp = big.replies;
  const eng = big.engine;
  table('Typing and posting in the 10,000 thread', ['what', 'samples', 'median / worst'], [
    ['keystroke → next frame (2 KB draft)', `${big.keys.length}`, mw(big.keys.map((k) => ({ k })), 'k')],
    ['debounced policy check (runs / until next frame)', `${big.checks.length}`, `${mw(big.checks, 'ms')}  |  ${mw(big.checks, 'frame')}`],
    ['policy engine alone, mean per 2 KB check', `${eng.length}`, mw(eng, (e) => e[1])],
    ['reply: Post → shown', `${rp.length}`, mw(rp, 'shown')],
    ['reply: Post → stored (confirmed by server)', `${rp.length}`, mw(rp, 'stored')]]);

  const med = (L, k) => median(L.map((s) => s[k]));
  const [tTotal, iTotal] = [med(t1k.loads, 'lastComment'), med(is.loads, 'lastComment')];
  const [tRender, iRender] = [med(t1k.loads, 'render'), med(is.loads, 'render')];
  const ratio = (a, b) => (a === null || b === null || !b ? null : a / b);
  const x = (r) => (r === null ? 'n/a' : `${r.toFixed(3)}×`);
  const nodesPer = (L) => median(L.map((s) => s.elements / s.comments));
  const scrollTasks = sc.length ? sc.reduce((a, s) => a + s.longtasks, 0) : null;
  table('Targets (issue #7; medians unless said)', ['target', 'measured', 'limit', 'result'], [
    verdict('1,000: navigation → last comment, Threadline / Isso', ratio(tTotal, iTotal), 0.1, x),
    verdict('1,000: client rendering, Threadline / Isso', ratio(tRender, iRender), 0.2, x),
    verdict('1,000, returning reader: navigation → last comment', ratio(med(tl.back, 'lastComment'), med(is.back, 'lastComment')), 0.1, x),
    verdict('10,000: first contentful paint', med(big.loads, 'fcp'), 300),
    verdict('10,000: first comment painted (stricter reading)', med(big.loads, 'firstCommentFrame'), 300),
    verdict('10,000: interactive', med(big.loads, 'interactive'), 1000),
    verdict('collapse, 1,000 descendants, in frame (worst)', worst(big.toggles.map((t) => t[4])), 16),
    verdict('expand, 1,000 descendants, in frame (worst)', worst(big.toggles.map((t) => t[5])), 16),
    verdict('long tasks > 50 ms while scrolling (count)', scrollTasks, 0, (v) => num(v)),
    [`DOM elements per comment (1,000 thread)`, num(nodesPer(t1k.loads), 1), `< Isso's ${num(nodesPer(is.loads), 1)}`,
      nodesPer(t1k.loads) === null || nodesPer(is.loads) === null ? 'NOT MEASURED' : nodesPer(t1k.loads) < nodesPer(is.loads) ? 'PASS' : 'FAIL'],
  ]);
  const [tPaint, iPaint] = [med(t1k.loads, 'lastCommentFrame'), med(is.loads, 'lastCommentFrame')];
  console.log(`\n1,000 comments, medians: Threadline ${ms(tTotal)} to the last comment in the DOM vs Isso ${ms(iTotal)}; ` +
    `rendering ${ms(tRender)} vs ${ms(iRender)}; to the frame showing it (incl. layout) ${ms(tPaint)} vs ${ms(iPaint)} = ${x(ratio(tPaint, iPaint))}.`);
  if (floor) {
    const f = med(floor.loads, 'lastComment');
    console.log(`Leptos floor (tools/leptos-floor on this page in the widget's place: the same ${floor.rows} rows of plain text, ` +
      `no data read): ${ms(f)} to its last row = ${x(ratio(f, iTotal))} Isso; Threadline is ${ms(tTotal - f)} above it, ` +
      `and 0.1 × Isso is ${ms(iTotal * 0.1)}.`);
  }
  console.log('"again" / returning reader: the same page loaded a second time in the same browser profile, which kept the ' +
    'files and the code Chromium compiled from them; Threadline\'s list request may then be answered "not modified". ' +
    'The issue\'s target is read on first visits (the rows above them).');
  console.log('Isso: data-isso-max-comments-top="inf" (its default) and data-isso-max-comments-nested="inf" (default 5), so all ' +
    'comments render; one nesting level, as Isso stores replies. Its list request is cross-origin without ' +
    `Timing-Allow-Origin, so it is timed from fetch start${NET ? '' : ' (loopback: no real connection cost)'}.`);
  if (warnings.length) {
    console.log(`\n${warnings.length} warning(s):`);
    for (const w of [...new Set(warnings)].slice(0, 30)) console.log(`  ${w}`);
  }
}

main().catch(async (e) => {
  if (interrupted()) return; // the signal handler is cleaning up and exits
  console.error(`big-thread bench failed: ${e.stack ?? e}`);
  await cleanup();
  process.exit(1);
});
