// Prints the robustness counts as one table from target/report/*.json:
// XSS payloads tried / executed and fault scenarios / comments lost (written
// by the e2e tests through tests/e2e/report.mjs), fuzz cases run / panics
// (written by the cargo property tests). Exits 1 when anything executed,
// panicked, failed or was lost, or when a suite is missing or stale.
// Usage: node tools/report.mjs [--json]
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIR = `${ROOT}target/report/`;

// [file, label, where the numbers come from, [count field, label], [bad field, label]]
const SUITES = [
  ['xss', 'XSS payloads', 'e2e', ['tried', 'tried'], ['executed', 'executed']],
  ['fuzz-tree', 'fuzz cases: tree', 'cargo', ['cases', 'run'], ['panics', 'panics']],
  ['fuzz-mapping', 'fuzz cases: mapping', 'cargo', ['cases', 'run'], ['panics', 'panics']],
  ['faults', 'fault scenarios', 'e2e', ['scenarios', 'scenarios'], ['lost', 'comments lost']],
];

function load(name) {
  const file = `${DIR}${name}.json`;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8'));
    return { data, mtime: statSync(file).mtimeMs };
  } catch (e) {
    return e.code === 'ENOENT' ? null : { error: `unreadable (${e.message})` };
  }
}

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};

// The e2e tests run against dist/: counts from before the last build describe another build.
const built = mtime(`${ROOT}dist/index.html`);
const loaded = Object.fromEntries(SUITES.map(([name]) => [name, load(name)]));
const e2eRuns = SUITES.filter(([n, , from]) => from === 'e2e' && loaded[n]?.data).map(([n]) => loaded[n]);
const newest = e2eRuns.sort((a, b) => b.mtime - a.mtime)[0];

const rows = [];
let bad = 0;
for (const [name, label, from, [countKey, countLabel], [badKey, badLabel]] of SUITES) {
  const got = loaded[name];
  const row = { suite: name, what: `${label} (${from})`, count: null, bad: null, countLabel, badLabel, status: 'ok' };
  rows.push(row);
  if (!got) {
    row.status = from === 'e2e' ? 'not run (./scripts/test.sh or ./scripts/report.sh --run-e2e)' : 'not run';
    bad++;
    continue;
  }
  if (got.error) {
    row.status = got.error;
    bad++;
    continue;
  }
  // The fuzz files keep their numbers at the top level, the e2e ones under `counts`.
  const fields = got.data.counts ?? got.data;
  row.count = fields[countKey] ?? null;
  row.bad = fields[badKey] ?? null;
  const notes = [];
  if (row.count === null || row.bad === null) notes.push(`no ${row.count === null ? countKey : badKey} recorded`);
  if (row.bad > 0) notes.push(badLabel);
  if (fields.failures > 0) notes.push(`${fields.failures} property failures`);
  if (fields.duplicated > 0) notes.push(`${fields.duplicated} stored twice`);
  if (from === 'e2e' && got.mtime < built) notes.push('stale: older than the dist/ build');
  if (from === 'e2e' && newest && got.data.run !== newest.data.run) notes.push('stale: from an earlier e2e run');
  if (notes.length) {
    row.status = notes.join('; ');
    bad++;
  }
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ ok: bad === 0, rows }, null, 2));
} else {
  const show = (v) => (v === null ? '-' : String(v));
  const table = [['check', 'count', '', 'bad', '', 'status']].concat(
    rows.map((r) => [r.what, show(r.count), r.countLabel, show(r.bad), r.badLabel, r.status]),
  );
  const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 1 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(line(table[0]).trimEnd());
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of table.slice(1)) console.log(line(r).trimEnd());
  console.log(bad ? `\n${bad} of ${rows.length} checks not clean` : `\nall ${rows.length} checks clean`);
}
process.exit(bad ? 1 : 0);
