// Counts the e2e tests report for `scripts/report.sh`: record('xss', {tried, executed})
// adds the numbers into target/report/xss.json. Counts from one run add up
// across tests and test files; a new run starts the file afresh, so numbers
// never pile up over runs. A run is THREADLINE_REPORT_RUN when set, else the
// `node --test` process that spawned this file (every test file of one
// `node --test` invocation shares it).
import { mkdirSync, readFileSync, renameSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REPORT_DIR = fileURLToPath(new URL('../../target/report/', import.meta.url));

const RUN = process.env.THREADLINE_REPORT_RUN ?? `node-test-${process.ppid}`;

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Test files can run in parallel processes: one writer per suite at a time. */
function locked(suite, fn) {
  const lock = `${REPORT_DIR}.${suite}.lock`;
  for (let tries = 0; ; tries++) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      // A writer that died holding the lock must not block every later run.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 10_000) rmdirSync(lock);
      } catch { /* gone meanwhile */ }
      if (tries > 1000) throw new Error(`report: ${lock} stays locked`);
      sleep(10);
    }
  }
  try {
    return fn();
  } finally {
    rmdirSync(lock);
  }
}

/**
 * Adds `fields` (numbers) into target/report/<suite>.json and returns the
 * totals so far in this run. Anything not a finite number is refused: a
 * report that silently counts NaN as zero would hide a broken test.
 */
export function record(suite, fields) {
  if (!/^[a-z0-9-]+$/.test(suite)) throw new Error(`report: bad suite name ${JSON.stringify(suite)}`);
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`report: ${suite}.${k} = ${v} is not a number`);
  }
  mkdirSync(REPORT_DIR, { recursive: true });
  const file = `${REPORT_DIR}${suite}.json`;
  return locked(suite, () => {
    let old = {};
    try {
      old = JSON.parse(readFileSync(file, 'utf8'));
    } catch { /* none yet, or unreadable: start afresh */ }
    const counts = old.run === RUN ? { ...old.counts } : {};
    for (const [k, v] of Object.entries(fields)) counts[k] = (counts[k] ?? 0) + v;
    const out = { suite, run: RUN, updated: new Date().toISOString(), counts };
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(out)}\n`);
    renameSync(tmp, file);
    return counts;
  });
}
