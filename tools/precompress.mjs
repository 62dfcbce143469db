// Writes brotli (.br) and gzip (.gz) copies beside the built files, for the
// reference server to send to browsers that accept them (tower-http's
// precompressed ServeDir). The wasm is 805 KB as built, 334 KB gzip and
// about 270 KB brotli: every reader fetches it, and compressing once at build
// time costs the server nothing per request. A copy no smaller than its file
// is not written (and an old one is removed), so the file is sent as it is.
//
//   node tools/precompress.mjs dist
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';

const KINDS = new Set(['.wasm', '.js', '.css', '.html', '.json', '.svg', '.txt']);
// Below this a compressed copy saves less than its own headers' worth.
const MIN_BYTES = 1024;

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node tools/precompress.mjs <dir>');
  process.exit(2);
}

function walk(d) {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = join(d, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

let files = 0;
let before = 0;
let after = 0;
for (const path of walk(dir)) {
  if (!KINDS.has(extname(path)) || statSync(path).size < MIN_BYTES) continue;
  const raw = readFileSync(path);
  const copies = {
    '.br': brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    }),
    '.gz': gzipSync(raw, { level: 9 }),
  };
  for (const [ext, bytes] of Object.entries(copies)) {
    if (bytes.length < raw.length) writeFileSync(path + ext, bytes);
    else rmSync(path + ext, { force: true });
  }
  files += 1;
  before += raw.length;
  after += Math.min(raw.length, copies['.br'].length);
}
console.log(`precompressed ${files} files in ${dir}: ${before} bytes as built, ${after} with brotli`);
