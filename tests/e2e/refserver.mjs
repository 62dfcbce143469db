// The reference server as a real process on loopback, serving the built
// widget and the seed thread from a throwaway database.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './browser.mjs';

export async function referenceServer(extraArgs = []) {
  const dir = mkdtempSync(join(tmpdir(), 'tl-server-'));
  const bin = process.env.THREADLINE_SERVER ?? join(ROOT, 'target/debug/threadline-server');
  const child = spawn(bin, [
    '--listen', '127.0.0.1:0', '--db', join(dir, 'comments.sqlite'), '--dist', join(ROOT, 'dist'),
    '--seed', join(ROOT, 'seed/asbarez.json'), '--rate-limit-per-minute', '1000', ...extraArgs,
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const url = await new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`reference server did not start: ${log}`)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); ok(`${m[1]}/`); }
    });
    child.once('exit', (code) => fail(new Error(`reference server exited (${code}): ${log}`)));
  });
  return {
    url,
    log: () => log,
    stop: () => new Promise((ok) => { if (child.exitCode !== null) ok(); else { child.once('exit', ok); child.kill('SIGTERM'); } }),
  };
}
