// Trunk post-build hook: what Trunk leaves unfinished in the files every
// reader downloads.
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
// The page pins both files by subresource-integrity hashes, so those are
// written again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

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
  const after = Buffer.from(finish(before.toString('utf8')));
  if (after.equals(before)) return;
  if (!page.includes(sri(before))) fail(`${html} does not pin ${path} by its sha384 hash`);
  page = page.split(sri(before)).join(sri(after));
  writeFileSync(path, after);
}

const minify = (loader) => (code) => transformSync(code, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined }).code;
// Run twice (a `trunk serve` rebuild, a hook run by hand) it changes nothing more.
const finished = (code) => code.startsWith(HINT);
rewrite(one(/^threadline-[0-9a-f]+\.js$/, 'threadline-<hash>.js'), (code) => (finished(code) ? code : HINT + minify('js')(code)));
rewrite(one(/^threadline-[0-9a-f]+\.css$/, 'threadline-<hash>.css'), minify('css'));
writeFileSync(html, page);
console.log('finish-build: glue and stylesheet minified, the glue marked for eager compilation');
