// Short names for what the wasm and its glue call each other by. wasm-bindgen
// names each of the ~190 imports like `__wbg_createTextNode_2b48c3fc75dfcc67`
// and the closure shims it exports like
// `wasm_bindgen__convert__closures_____invoke__h4325a3b3fff01296`: the hashes
// do not compress, and every name is in both files. Binaryen's
// `--minify-imports-and-exports-and-modules` renames them in the wasm and
// prints the mapping, which is applied to the glue here.
// Used by tools/finish-build.mjs, on the glue before it is minified (its
// `wasm.<export>` accesses are still spelled out there), and by
// tools/leptos-floor.sh, so the floor is built as the widget is:
//   node tools/short-names.mjs <wasm> <glue> [wasm-opt options…]
// rewrites both files in place.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// wasm-bindgen's module name for the glue's imports: `./<crate>_bg.js`.
const glueModule = (wasm) =>
  WebAssembly.Module.imports(new WebAssembly.Module(wasm)).find((i) => /^\.\/.*_bg\.js$/.test(i.module))?.module;

// True when the wasm's imports still carry wasm-bindgen's names.
export const named = (wasm) => glueModule(wasm) !== undefined;

// `optParams`: the page's `data-wasm-opt-params`, so the wasm's features are
// the build's. Returns the new wasm bytes and glue, or throws saying what in
// the glue no longer looks as expected (then nothing is written).
export function shortenNames(wasmPath, glue, optParams) {
  const glueName = glueModule(readFileSync(wasmPath));
  if (!glueName) throw new Error(`${wasmPath} has no imports from a wasm-bindgen glue`);
  const dir = mkdtempSync(join(tmpdir(), 'short-names-'));
  try {
    const out = join(dir, 'out.wasm');
    // -Oz again: binaryen rewrites the code section anyway, and a plain
    // rewrite of it comes out 1.8 KB bigger than Trunk's optimised one. Its
    // control flow flattened and rebuilt first (--flatten --rereloop), then
    // -Oz twice: 1.5 KB gzip less again, and no slower in alternating loads
    // (1,000 comments: 172 vs 194, then 199 vs 187 ms; 10,000: 200 vs 216).
    const run = spawnSync('wasm-opt', ['--flatten', '--rereloop', '-Oz', '-Oz', ...optParams, '--minify-imports-and-exports-and-modules', wasmPath, '-o', out], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (run.status !== 0) throw new Error(`wasm-opt failed: ${run.stderr || run.error}`);
    const map = JSON.parse(run.stdout);
    const wasm = readFileSync(out);
    const modules = new Set(WebAssembly.Module.imports(new WebAssembly.Module(wasm)).map((i) => i.module));
    if (modules.size !== 1) throw new Error(`expected the imports under one module name, found ${modules.size}`);
    const [module] = modules;
    let text = replaceOnce(glue, `"${glueName}": import0`, () => `${JSON.stringify(module)}: import0`);
    for (const [from, old, short] of map.imports) {
      if (from !== glueName) throw new Error(`an import from ${from}, not ${glueName}`);
      text = replaceOnce(text, new RegExp(`(?<![\\w$])${escape(old)}(?=: function)`), () => short, old);
    }
    for (const [old, short] of map.exports) {
      text = text.replace(new RegExp(`(?<=\\bwasm\\.)${escape(old)}(?![\\w$])`, 'g'), () => short);
    }
    const left = map.exports.filter(([old]) => new RegExp(`\\bwasm\\.${escape(old)}(?![\\w$])`).test(text));
    if (left.length) throw new Error(`the glue still calls ${left.map(([o]) => o).join(', ')}`);
    return { wasm, glue: text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function replaceOnce(text, pattern, by, what = pattern) {
  const re = typeof pattern === 'string' ? new RegExp(escape(pattern), 'g') : new RegExp(pattern.source, 'g');
  const n = (text.match(re) ?? []).length;
  if (n !== 1) throw new Error(`expected ${what} once in the glue, found it ${n} times`);
  return text.replace(re, by);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [wasmPath, gluePath, ...optParams] = process.argv.slice(2);
  if (!gluePath) {
    console.error('usage: node tools/short-names.mjs <wasm> <glue> [wasm-opt options…]');
    process.exit(2);
  }
  try {
    const { wasm, glue } = shortenNames(wasmPath, readFileSync(gluePath, 'utf8'), optParams);
    writeFileSync(wasmPath, wasm);
    writeFileSync(gluePath, glue);
  } catch (e) {
    console.error(`short-names: ${e.message}`);
    process.exit(1);
  }
}
