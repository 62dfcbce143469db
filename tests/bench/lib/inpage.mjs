// What runs inside the measured pages. `instrument` is installed before any
// of the page's own scripts (context.addInitScript), so every time it records
// is performance.now(), i.e. milliseconds since navigation start, and nothing
// the page does early is missed. The other functions are page.evaluate bodies.

/**
 * kind: 'tl' (`.tl-comment` rows in `.tl-rows`) or 'isso' (`.isso-comment` in `#isso-root`).
 * Records into window.__bench:
 * - rows: [{t, n, frame}] each time the number of comments in the DOM
 *   changed (t: right after the DOM change, frame: after the next frame);
 * - longtasks: [[start, duration]];
 * - checks: [{ms, frame}] for the widget's debounced policy check (a 120 ms
 *   timer callback): how long it ran and when the next frame came after it;
 * - wasmMemory: the WebAssembly.Memory the page instantiated, if any.
 */
export function instrument(kind) {
  const B = (window.__bench = { rows: [], longtasks: [], checks: [], wasmMemory: null });
  // How long no comment may be added before the loading counts as over.
  const QUIET_MS = 1500;
  const realSetTimeout = window.setTimeout;
  const afterFrame = (cb) => requestAnimationFrame(() => {
    // A message posted from rAF is delivered after that frame is produced.
    const ch = new MessageChannel();
    ch.port1.onmessage = () => cb(performance.now());
    ch.port2.postMessage(0);
  });
  B.nextFrame = () => new Promise((ok) => afterFrame(ok));
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch { /* no longtask support: reported as missing */ }

  // wasm-bindgen does not expose its memory; catching the instance is the
  // only way to read it without changing the app.
  const keep = (r) => {
    // The build shortens export names (tools/short-names.mjs): find it by type.
    const memory = Object.values((r?.instance ?? r)?.exports ?? {}).find((v) => v instanceof WebAssembly.Memory);
    if (memory) B.wasmMemory = memory;
    return r;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[name];
    if (orig) WebAssembly[name] = function (...args) { return orig.apply(this, args).then(keep); };
  }

  if (kind === 'tl') {
    window.setTimeout = function (fn, ms, ...rest) {
      if (ms === 120 && typeof fn === 'function') {
        const inner = fn;
        fn = function (...a) {
          const t = performance.now();
          try { return inner.apply(this, a); } finally {
            const rec = { ms: performance.now() - t, frame: null };
            B.checks.push(rec);
            afterFrame((now) => { rec.frame = now - t; });
          }
        };
      }
      return realSetTimeout.call(this, fn, ms, ...rest);
    };
  }

  if (kind === 'tl') {
    // The demo page starts the first page of comments before the wasm runs
    // (index.html); when the widget picks that answer up is when its own
    // work on it can start: the getter records it, the page is unchanged.
    let value;
    B.listTaken = null;
    Object.defineProperty(window, '__threadlinePrefetch', {
      configurable: true,
      // The page script reads it before it sets it; only a read after that is the widget.
      get() { if (value !== undefined) B.listTaken ??= performance.now(); return value; },
      set(v) { value = v; },
    });
  }

  const root = kind === 'tl' ? '.tl-rows' : '#isso-root';
  // Counted inside the list only: Isso's post box also has the class
  // isso-comment, and Threadline's list holds "more" rows besides comments.
  let live = null;
  const count = (el) => (live ??= el.getElementsByClassName(kind === 'tl' ? 'tl-comment' : 'isso-comment')).length;
  let last = 0;
  let container = null;
  const record = () => {
    const n = count(container);
    if (n === last) return;
    last = n;
    const rec = { t: performance.now(), n, frame: null };
    B.rows.push(rec);
    afterFrame((now) => { rec.frame = now; });
    quiet();
  };
  // The page says itself when it has settled, on the console: polling it from
  // the harness (page.waitForFunction) would put Playwright's own scripts on
  // the main thread in the middle of the loading being measured.
  let quietTimer = null;
  const quiet = () => {
    clearTimeout(quietTimer);
    quietTimer = realSetTimeout(function check() {
      const last = B.rows.at(-1);
      if (last && last.n > 0 && last.frame !== null) console.info('__bench_settled');
      else quietTimer = realSetTimeout(check, QUIET_MS);
    }, QUIET_MS);
  };
  // Watch the whole document only until the comment container exists, then
  // just the container: a document-wide observer would add its own cost to
  // the rendering being measured.
  const rowsObserver = new MutationObserver(record);
  const finder = new MutationObserver(() => {
    container = document.querySelector(root);
    if (!container) return;
    finder.disconnect();
    rowsObserver.observe(container, { childList: true, subtree: kind !== 'tl' });
    record();
  });
  finder.observe(document, { childList: true, subtree: true });

  /** Resolves with performance.now() once pred() holds; rejects after ms. */
  B.until = (pred, ms = 15000) => new Promise((ok, fail) => {
    if (pred()) { ok(performance.now()); return; }
    const mo = new MutationObserver(() => {
      if (pred()) { mo.disconnect(); clearTimeout(timer); ok(performance.now()); }
    });
    mo.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    const timer = realSetTimeout(() => {
      mo.disconnect();
      if (pred()) ok(performance.now()); else fail(new Error(`page condition not met in ${ms} ms: ${pred}`));
    }, ms);
  });
}

/**
 * Resolves once the page has settled (comments shown, none added for
 * QUIET_MS): call before navigating, await after.
 */
export function settled(page, timeout = 120000) {
  return page.waitForEvent('console', { predicate: (m) => m.text() === '__bench_settled', timeout });
}

/** Timings and counts after loading, from the page's own clocks. */
export function loadSummary({ kind, listUrlPart }) {
  const B = window.__bench;
  const paint = Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]));
  const first = B.rows.find((r) => r.n > 0);
  const last = B.rows.at(-1);
  // The first list request: Threadline asks for the rest of a big thread
  // after its first screen is drawn, which is not what the reader waits for.
  const list = performance.getEntriesByType('resource').find((e) => e.name.includes(listUrlPart));
  // Cross-origin without Timing-Allow-Origin (Isso) leaves requestStart at 0;
  // on loopback the connection set-up that startTime adds is negligible.
  const listStart = list ? (list.requestStart || list.startTime) : null;
  const root = document.querySelector(kind === 'tl' ? '.tl-rows' : '#isso-root');
  let nodes = 0;
  for (const w = document.createTreeWalker(root, NodeFilter.SHOW_ALL); w.nextNode();) nodes++;
  const lastTaskEnd = Math.max(0, ...B.longtasks.map(([s, d]) => s + d));
  return {
    fp: paint['first-paint'] ?? null,
    fcp: paint['first-contentful-paint'] ?? null,
    firstComment: first?.t ?? null,
    firstCommentFrame: first?.frame ?? null,
    lastComment: last.t,
    lastCommentFrame: last.frame,
    // When the main thread was free again: the later of the last comment
    // inserted and the end of the last long task.
    interactive: Math.max(last.frame, lastTaskEnd),
    comments: last.n,
    elements: root.querySelectorAll('*').length,
    nodes,
    listStart,
    listEnd: list?.responseEnd ?? null,
    listTaken: B.listTaken ?? null,
    listBytes: list?.encodedBodySize || null,
    longtasks: B.longtasks.length,
    worstLongtask: Math.max(0, ...B.longtasks.map(([, d]) => d)),
  };
}

/** JS heap (after a full GC) and the wasm linear memory, in bytes. */
export function memory() {
  if (typeof gc === 'function') gc();
  return {
    jsHeap: performance.memory?.usedJSHeapSize ?? null,
    wasm: window.__bench.wasmMemory?.buffer.byteLength ?? null,
  };
}

/**
 * Collapse then expand comment `id`, twice over:
 * [collapse ms, expand ms, rows hidden, idle ms, collapse in frame, expand in frame].
 *
 * From a click at whatever moment the script gets to it to the frame after
 * the DOM change. That includes the wait for the next vsync, 0 to
 * 16.7 ms at 60 Hz, which no page can shorten: the idle column (the same
 * wait with no click) shows its size on this machine.
 *
 * And "in frame", measured first so that a page's first toggle (its code
 * not yet compiled) counts: the click made at the start of a frame (in its
 * requestAnimationFrame phase), timed until that frame has been produced
 * (script, style, layout, paint). That is the work the toggle adds to a
 * frame; at most 16 ms means the change shows in the very next frame. If
 * the change is not in that frame, the time runs on to the frame that has it.
 */
export async function collapseExpand({ id }) {
  const B = window.__bench;
  const rows = document.querySelector('.tl-rows').getElementsByClassName('tl-comment');
  const el = () => document.getElementById(`c-${id}`);
  const before = rows.length;
  const changed = (want) => el()?.classList.contains('tl-collapsed') === want
    && (want ? rows.length < before : rows.length === before);
  const inFrame = [];
  for (const want of [true, false]) {
    await B.nextFrame();
    inFrame.push(await new Promise((ok, fail) => requestAnimationFrame(() => {
      const t0 = performance.now();
      el().querySelector('.tl-toggle').click();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        if (changed(want)) ok(performance.now() - t0);
        else B.until(() => changed(want), 10000).then(() => B.nextFrame()).then((t) => ok(t - t0), fail);
      };
      ch.port2.postMessage(0);
    })));
  }
  const out = [];
  for (const want of [true, false]) {
    const t0 = performance.now();
    el().querySelector('.tl-toggle').click();
    await B.until(() => changed(want), 10000);
    out.push((await B.nextFrame()) - t0);
    if (want) out.push(before - rows.length);
  }
  // The same wait with no click: how long "the next frame" takes on this
  // machine anyway (the wait for the next vsync included), for scale.
  const idleStart = performance.now();
  const idle = (await B.nextFrame()) - idleStart;
  return [out[0], out[2], out[1], idle, inFrame[0], inFrame[1]];
}

/** Clicks Post in the open reply form under `parent`: [ms until shown, ms until stored]. */
export async function postReply({ parent }) {
  const B = window.__bench;
  const form = document.querySelector(`[id="c-${parent}"] form.tl-form`);
  const t0 = performance.now();
  form.querySelector('.tl-post').click();
  await B.until(() => document.querySelector('.tl-rows > .tl-new'), 15000);
  const shown = (await B.nextFrame()) - t0;
  await B.until(() => {
    const row = document.querySelector('.tl-rows > .tl-new');
    return row && !row.classList.contains('tl-pending') && !row.querySelector('.tl-sending');
  }, 15000);
  const stored = performance.now() - t0;
  const unsent = document.querySelector('.tl-unsent')?.textContent ?? null;
  return { shown, stored, unsent };
}

/** Times keystrokes from keydown to the frame after their input event is handled. */
export function watchKeystrokes() {
  const B = window.__bench;
  B.keys = [];
  let down = null;
  addEventListener('keydown', (e) => { down = e.timeStamp; }, true);
  // Bubble phase on window: runs after the widget's own input handler.
  addEventListener('input', () => {
    if (down === null) return;
    const t = down;
    down = null;
    B.nextFrame().then((now) => B.keys.push(now - t));
  });
}

/**
 * Scrolls to the bottom one viewport per frame (a fast fling), following the
 * page if it grows; long tasks and the worst gap between frames meanwhile.
 */
export async function scrollToBottom(maxMs) {
  const B = window.__bench;
  const from = B.longtasks.length;
  const t0 = performance.now();
  let prev = t0;
  let worstGap = 0;
  let frames = 0;
  let stable = 0;
  while (performance.now() - t0 < maxMs) {
    const now = await new Promise((ok) => requestAnimationFrame(ok));
    worstGap = Math.max(worstGap, now - prev);
    prev = now;
    frames++;
    const atBottom = scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
    stable = atBottom ? stable + 1 : 0;
    if (stable >= 30) break;
    // At least a viewport, and few enough frames that 10,000 rows take seconds, not minutes.
    scrollBy(0, Math.max(innerHeight, document.documentElement.scrollHeight / 600));
  }
  await B.nextFrame();
  const tasks = B.longtasks.slice(from).map(([, d]) => d);
  return {
    ms: performance.now() - t0, frames, worstGap, reachedBottom: stable >= 30,
    height: document.documentElement.scrollHeight, comments: document.querySelectorAll('.tl-rows .tl-comment').length,
    longtasks: tasks.length, worstLongtask: Math.max(0, ...tasks),
  };
}
