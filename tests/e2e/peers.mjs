// Real third-party backends for the sync tests, started on 127.0.0.1 with
// throwaway data: json-server (npm) and Isso (PyPI).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './browser.mjs';

export async function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

async function waitFor(url, child, ms = 20000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited (${child.exitCode})`);
    try {
      await fetch(url);
      return;
    } catch { await new Promise((r) => setTimeout(r, 150)); }
  }
  throw new Error(`${url} did not answer in ${ms} ms`);
}

function start(cmd, args, opts) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  child.log = () => log;
  return child;
}

export function stop(child) {
  return new Promise((ok) => {
    if (!child || child.exitCode !== null) return ok();
    child.once('exit', ok);
    child.kill('SIGKILL');
  });
}

/** json-server 0.17 on a db.json holding `comments`. */
export async function jsonServer(comments, port) {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tl-json-server-'));
  const db = join(dir, 'db.json');
  writeFileSync(db, JSON.stringify({ comments }, null, 1));
  const run = async () => {
    const child = start(join(ROOT, 'node_modules/.bin/json-server'), ['--host', '127.0.0.1', '--port', String(port), db], { cwd: dir });
    await waitFor(`http://127.0.0.1:${port}/comments?thread=none`, child);
    return child;
  };
  return { base: `http://127.0.0.1:${port}`, port, db, child: await run(), restart: run };
}

/** Isso 0.14 with its rate guard off and the page's origin allowed. Loopback
 * is a trusted proxy so the seed can come "from" other readers (Isso refuses a
 * like from the address that wrote the comment). */
export async function isso(pageOrigin, port, { moderation = false } = {}) {
  port ??= await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'tl-isso-'));
  const cfg = join(dir, 'isso.cfg');
  writeFileSync(cfg, [
    '[general]', `dbpath = ${join(dir, 'comments.db')}`, `host = ${pageOrigin}`,
    '[server]', `listen = http://127.0.0.1:${port}/`, 'trusted-proxies = 127.0.0.1',
    '[guard]', 'enabled = false', '[moderation]', `enabled = ${moderation}`, '',
  ].join('\n'));
  const run = async () => {
    const child = start(process.env.ISSO ?? 'isso', ['-c', cfg, 'run'], { cwd: dir });
    await waitFor(`http://127.0.0.1:${port}/?uri=%2Fnone`, child);
    return child;
  };
  // What a moderator does in Isso's admin, done to its database directly.
  const sql = (statement) => execFileSync('python3', ['-c', 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute(sys.argv[2]); c.commit()', join(dir, 'comments.db'), statement]);
  return { base: `http://127.0.0.1:${port}`, port, child: await run(), restart: run, sql };
}

/** The seed thread as json-server rows. */
export function seedRows(seed) {
  return seed.comments.map((c, i) => ({
    id: c.id, thread: seed.thread, parentId: c.parent ?? null, author: c.author, body: c.body,
    createdAt: 1_400_000_000_000 + i * 60_000, likes: 0,
  }));
}

/** Posts the seed thread to Isso through its API (held, 202, where it moderates); answers seed id → Isso id. */
export async function seedIsso(base, seed) {
  const ids = {};
  for (const c of seed.comments) {
    const res = await fetch(`${base}/new?uri=${encodeURIComponent(seed.thread)}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '10.9.8.7' },
      body: JSON.stringify({ text: c.body, author: c.author, parent: c.parent ? ids[c.parent] : null, title: 'Seed' }),
    });
    if (res.status !== 201 && res.status !== 202) throw new Error(`isso seeding: ${res.status} ${await res.text()}`);
    ids[c.id] = (await res.json()).id;
  }
  return ids;
}
