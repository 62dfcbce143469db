// The Leptos floor on the demo page: the same page, stylesheet and head start
// as Threadline's, with the smallest Leptos page (tools/leptos-floor) drawing
// as many plain rows as Threadline's first screen in the widget's place. No
// data is read and nothing is parsed, so it is a floor: what loading any
// Leptos widget costs on this page and machine before its own work.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../e2e/browser.mjs';

/** A dist folder for the floor page, or a reason it could not be made. */
export function floorDist(dist, rows) {
  const dir = mkdtempSync(join(tmpdir(), 'tl-bench-floor-'));
  try {
    execFileSync(join(ROOT, 'tools/leptos-floor.sh'), [dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) {
    return { reason: `the floor page did not build: ${String(e.stderr ?? e).trim().split('\n').at(-1)}` };
  }
  for (const f of readdirSync(dist)) if (/\.(css|json)$/.test(f)) copyFileSync(join(dist, f), join(dir, f));
  const page = readFileSync(join(dist, 'index.html'), 'utf8');
  // Trunk's start-up script and its preloads, replaced by the floor's.
  const start = page.indexOf('<script type="module">');
  const end = page.indexOf('</head>');
  if (start < 0 || end < start) return { reason: 'the release page has no module script to replace' };
  const floor = page.slice(0, start) +
    '<script type="module">import init from "/leptos-floor.js"; await init({ module_or_path: "/leptos-floor_bg.wasm" });</script>' +
    '<link rel="modulepreload" href="/leptos-floor.js">' +
    '<link rel="preload" href="/leptos-floor_bg.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">' +
    page.slice(end).replace('id="tl-demo"', `id="tl-demo" data-floor-rows="${rows}"`);
  if (!floor.includes('data-floor-rows')) return { reason: 'the release page has no #tl-demo' };
  writeFileSync(join(dir, 'index.html'), floor);
  // Sent as Threadline's own files are: compressed, as the release build leaves them.
  execFileSync(process.execPath, [join(ROOT, 'tools/precompress.mjs'), dir], { stdio: 'ignore' });
  return { dir };
}
