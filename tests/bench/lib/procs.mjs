// The processes the big-thread benchmark runs against, all on 127.0.0.1 with
// throwaway data: the reference server (release build) and Isso 0.14 with a
// thread written straight into its SQLite database. Every child is
// registered so Ctrl+C or a harness error never leaves one running.
import { spawn, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../e2e/peers.mjs';

const children = new Set();
const closers = [];
let stopping = false;

/** True after Ctrl+C: errors from the browser closing under a page are expected then. */
export const interrupted = () => stopping;

/** Runs `fn` at shutdown (browser, static servers); children are killed anyway. */
export function onCleanup(fn) { closers.push(fn); }

export async function cleanup() {
  for (const fn of closers.splice(0).reverse()) {
    try { await fn(); } catch { /* shutting down: nothing left to report to */ }
  }
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  children.clear();
}

// Synchronous last resort (process.exit skips async handlers).
process.on('exit', () => { for (const c of children) if (c.exitCode === null) c.kill('SIGKILL'); });
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    stopping = true;
    console.error(`\n${sig}: stopping servers and browser`);
    await cleanup();
    process.exit(130);
  });
}

function spawnTracked(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  child.log = () => log;
  return child;
}

/**
 * The reference server on an ephemeral port with a fresh database, serving
 * `dist` and importing every `seeds` file. Answers its base URL (with `/`).
 */
export async function referenceServer({ bin, dist, seeds }) {
  if (!existsSync(bin)) throw new Error(`no server binary at ${bin}: run cargo build --release -p threadline-server (or set THREADLINE_SERVER)`);
  const dir = mkdtempSync(join(tmpdir(), 'tl-bench-'));
  const child = spawnTracked(bin, [
    '--listen', '127.0.0.1:0', '--db', join(dir, 'comments.sqlite'), '--dist', dist,
    // The benchmark posts a reply per run; the default 20 writes/minute would refuse some.
    '--rate-limit-per-minute', '100000', ...seeds.flatMap((s) => ['--seed', s]),
  ]);
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`reference server did not start in 60 s: ${child.log()}`)), 60000);
    const look = () => {
      const m = child.log().match(/listening on (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); ok(`${m[1]}/`); }
    };
    child.stdout.on('data', look);
    child.once('exit', (code) => { clearTimeout(timer); fail(new Error(`reference server exited (${code}): ${child.log()}`)); });
  });
  if (/not imported|nothing imported/.test(child.log())) throw new Error(`seed not imported: ${child.log()}`);
  return { url, child };
}

async function waitForHttp(url, child, ms = 30000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited (${child.exitCode}): ${child.log()}`);
    try { await fetch(url, { signal: AbortSignal.timeout(2000) }); return; } catch { await new Promise((r) => setTimeout(r, 150)); }
  }
  throw new Error(`${url} did not answer in ${ms} ms: ${child.log()}`);
}

/** Where pip put Isso's console script (scripts/setup.sh exports it as ISSO). */
export function issoCommand() {
  if (process.env.ISSO) return process.env.ISSO;
  try {
    const scripts = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_path("scripts"))'], { encoding: 'utf8' }).trim();
    if (existsSync(join(scripts, 'isso'))) return join(scripts, 'isso');
  } catch { /* fall through to PATH */ }
  return 'isso';
}

/** Isso's own client, from the installed package (the version the server is). */
export function issoEmbedJs() {
  const pkg = execFileSync('python3', ['-c', 'import isso, os; print(os.path.dirname(isso.__file__))'], { encoding: 'utf8' }).trim();
  const file = join(pkg, 'js', 'embed.min.js');
  if (!existsSync(file)) throw new Error(`Isso's client is not at ${file}`);
  return file;
}

// Rows are written the way Isso's own Comments.add writes them (mode 1 =
// public, a Bloom filter of voters holding the author's address), in one
// transaction: 1,000 API posts would take minutes with its per-post hashing.
const IMPORT_PY = `
import json, sqlite3, sys
from isso.utils import Bloomfilter
doc = json.load(sys.stdin)
con = sqlite3.connect(sys.argv[1])
tid = con.execute("INSERT INTO threads (uri, title) VALUES (?, ?)", (doc["uri"], "Benchmark thread")).lastrowid
con.executemany(
    "INSERT INTO comments (tid, id, parent, created, modified, mode, remote_addr, text, author,"
    " email, website, likes, dislikes, voters, notification)"
    " VALUES (?, ?, ?, ?, NULL, 1, ?, ?, ?, NULL, NULL, 0, 0, ?, 0)",
    [(tid, c["id"], c["parent"], c["created"], c["remote_addr"], c["text"], c["author"],
      memoryview(Bloomfilter(iterable=[c["remote_addr"]]).array)) for c in doc["comments"]])
con.commit()
print(con.execute("SELECT COUNT(*) FROM comments WHERE tid = ?", (tid,)).fetchone()[0])
`;

/**
 * Isso 0.14 with guard and moderation off, `host` = the page's origin, and
 * `doc` (tools/gen-thread.mjs --format isso) imported before the first page.
 */
export async function issoServer(pageOrigin, doc) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tl-bench-isso-'));
  const db = join(dir, 'comments.db');
  const cfg = join(dir, 'isso.cfg');
  writeFileSync(cfg, [
    '[general]', `dbpath = ${db}`, `host = ${pageOrigin}`,
    '[server]', `listen = http://127.0.0.1:${port}/`,
    '[guard]', 'enabled = false', '[moderation]', 'enabled = false', '',
  ].join('\n'));
  const child = spawnTracked(issoCommand(), ['-c', cfg, 'run'], { cwd: dir });
  const base = `http://127.0.0.1:${port}`;
  // Isso creates its schema at start-up; the rows go in after that.
  await waitForHttp(`${base}/config`, child);
  const stored = execFileSync('python3', ['-c', IMPORT_PY, db], { input: JSON.stringify(doc), encoding: 'utf8' }).trim();
  if (Number(stored) !== doc.comments.length) throw new Error(`Isso import stored ${stored} of ${doc.comments.length} comments`);
  const check = await (await fetch(`${base}/?uri=${encodeURIComponent(doc.uri)}`)).json();
  if (check.total_replies !== doc.comments.length) throw new Error(`Isso lists ${check.total_replies} of ${doc.comments.length} comments`);
  return { base, child };
}

/**
 * Writes the Isso host page into `dir`: the article as plain HTML (the same
 * text the Threadline demo page shows), Isso's client next to it, and
 * `#isso-thread` for `uri`. All comments are shown: max-comments-top is
 * "inf" by default and max-comments-nested (default 5) is set to "inf".
 */
export function issoHostPage(dir, issoBase, uri, article) {
  copyFileSync(issoEmbedJs(), join(dir, 'embed.min.js'));
  const esc = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  writeFileSync(join(dir, 'index.html'), `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(article.title)} — Isso</title>
<link rel="icon" href="data:,">
<script data-isso="${issoBase}/" data-isso-max-comments-top="inf" data-isso-max-comments-nested="inf"
        data-isso-vote="true" src="/embed.min.js"></script></head>
<body><main><article><h1>${esc(article.title)}</h1>
${article.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article>
<section id="isso-thread" data-isso-id="${esc(uri)}"></section></main></body></html>
`);
}
