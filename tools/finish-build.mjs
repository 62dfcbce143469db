// Last step of the post-build hook (tools/post-build.sh): what Trunk leaves
// unfinished in the files every reader downloads.
// - The wasm-bindgen glue and the stylesheet are minified (esbuild, a dev
//   dependency): Trunk's own JS minifier gives up on the glue's
//   `export { … as default }`, and its HTML minifier would rewrite the page
//   the policy-module hook edits. Measured: glue 10,262 → 7,468 bytes gzip
//   (the hint line included), stylesheet 3,542 → 2,792.
// - The glue is marked for eager compilation. Chromium otherwise compiles each
//   glue function on the main thread the first time it is called, about 110
//   of them while the first screen is drawn (some 3 ms there, measured in a
//   trace); with the explicit compile hint (`//# allFunctionsCalledOnLoad` on
//   the first line, Chromium ≥ 136) they are compiled in the background
//   while the file streams in. Other browsers read it as a comment.
// - The names the wasm and the glue call each other by are shortened
//   (tools/short-names.mjs): 3.7 KB gzip off the wasm, 2.6 KB off the glue.
// The page pins all three files by subresource-integrity hashes, so those are
// written again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { named, shortenNames } from './short-names.mjs';

const HINT = '//# allFunctionsCalledOnLoad\n';
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) fail('no TRUNK_STAGING_DIR and no directory given');
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const html = join(dir, 'index.html');
let page = readFileSync(html, 'utf8');

function fail(why) {
  console.error(`finish-build: ${why}`);
  process.exit(1);
}

function one(pattern, what) {
  const found = readdirSync(dir).filter((f) => pattern.test(f));
  if (found.length !== 1) fail(`expected one ${what} in ${dir}, found ${found.length}`);
  return join(dir, found[0]);
}

// Rewrites `path` and the page's pin of it. A page that no longer pins the
// file by this hash would refuse the new one: stop before anything is written.
function rewrite(path, finish) {
  const before = readFileSync(path);
  const after = Buffer.from(finish(before));
  if (after.equals(before)) return;
  if (!page.includes(sri(before))) fail(`${html} does not pin ${path} by its sha384 hash`);
  page = page.split(sri(before)).join(sri(after));
  writeFileSync(path, after);
}

const minify = (loader) => (bytes) =>
  transformSync(bytes.toString('utf8'), { loader, minify: true, format: loader === 'js' ? 'esm' : undefined }).code;
// The wasm-opt options the page gives Trunk, so the wasm keeps the build's features.
const optParams = () => {
  const source = process.env.TRUNK_HTML_FILE ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'index.html');
  const found = readFileSync(source, 'utf8').match(/data-wasm-opt-params="([^"]*)"/);
  if (!found) fail('index.html has no data-wasm-opt-params');
  return found[1].split(/\s+/).filter(Boolean);
};

// Run twice (a `trunk serve` rebuild, a hook run by hand) it changes nothing more.
const gluePath = one(/^threadline-[0-9a-f]+\.js$/, 'threadline-<hash>.js');
const wasmPath = one(/^threadline-[0-9a-f]+_bg\.wasm$/, 'threadline-<hash>_bg.wasm');
// Not in `trunk serve`'s debug builds: Trunk leaves their wasm unoptimised.
const shorten = process.env.TRUNK_PROFILE !== 'debug' && named(readFileSync(wasmPath));
if (shorten) {
  let shortened;
  try {
    shortened = shortenNames(wasmPath, readFileSync(gluePath, 'utf8'), optParams());
  } catch (e) {
    fail(`shortening the wasm's names: ${e.message}`);
  }
  rewrite(wasmPath, () => shortened.wasm);
  rewrite(gluePath, () => shortened.glue);
}
const finished = (bytes) => bytes.toString('utf8').startsWith(HINT);
rewrite(gluePath, (bytes) => (finished(bytes) ? bytes : HINT + minify('js')(bytes)));
rewrite(one(/^threadline-[0-9a-f]+\.css$/, 'threadline-<hash>.css'), minify('css'));
writeFileSync(html, page);
console.log(`finish-build: ${shorten ? 'wasm and glue names shortened, ' : ''}glue and stylesheet minified, the glue marked for eager compilation`);
