// Trunk post-build hook: marks the wasm-bindgen glue for eager compilation.
// Chromium otherwise compiles each glue function on the main thread the first
// time it is called, about 110 of them while the first screen is drawn (some
// 3 ms there, measured in a trace); with the explicit compile hint
// (`//# allFunctionsCalledOnLoad` on the first line, Chromium ≥ 136) they are
// compiled in the background while the file streams in. Other browsers read
// it as a comment. The page pins the file with a subresource-integrity hash,
// so that hash is written again.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HINT = '//# allFunctionsCalledOnLoad\n';
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('compile-hint: no TRUNK_STAGING_DIR and no directory given');
  process.exit(1);
}
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const glue = readdirSync(dir).filter((f) => /^threadline-[0-9a-f]+\.js$/.test(f));
if (glue.length !== 1) {
  console.error(`compile-hint: expected one threadline-<hash>.js in ${dir}, found ${glue.length}`);
  process.exit(1);
}
const path = join(dir, glue[0]);
const before = readFileSync(path);
if (!before.toString('utf8').startsWith(HINT)) {
  const after = Buffer.concat([Buffer.from(HINT), before]);
  const html = join(dir, 'index.html');
  const page = readFileSync(html, 'utf8');
  // A page that no longer pins the glue by this hash would refuse the hinted
  // file: stop the build, before anything is written, rather than ship that.
  if (!page.includes(sri(before))) {
    console.error(`compile-hint: ${html} does not pin ${glue[0]} by its sha384 hash`);
    process.exit(1);
  }
  writeFileSync(path, after);
  writeFileSync(html, page.split(sri(before)).join(sri(after)));
}
console.log(`compile-hint: ${glue[0]} marks its functions for eager compilation`);
