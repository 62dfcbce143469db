// Summaries and the printed tables. Every timing is reported as median and
// worst (largest) of the runs: the median for the claim, the worst so a bad
// outlier is not hidden.

export const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const worst = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined && !Number.isNaN(x));
  return s.length ? Math.max(...s) : null;
};

export const ms = (x) => (x === null || x === undefined ? 'n/a' : x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
export const mb = (x) => (x === null || x === undefined ? 'n/a' : `${(x / 1048576).toFixed(1)} MB`);
export const num = (x, d = 0) => (x === null || x === undefined ? 'n/a'
  : x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));

/** "median / worst" of `key` over runs, formatted by `fmt`. */
export const mw = (runs, key, fmt = ms) => {
  const xs = runs.map((r) => (typeof key === 'function' ? key(r) : r[key]));
  return `${fmt(median(xs))} / ${fmt(worst(xs))}`;
};

/** Prints rows (arrays of strings) as an aligned table under a title. */
export function table(title, head, rows) {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c ?? '').padEnd(widths[i]) : String(c ?? '').padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** A target line: PASS/FAIL with the measured value and the limit. */
export function verdict(name, value, limit, fmt = ms) {
  if (value === null || value === undefined || Number.isNaN(value)) return [name, 'n/a', `≤ ${fmt(limit)}`, 'NOT MEASURED'];
  return [name, fmt(value), `≤ ${fmt(limit)}`, value <= limit ? 'PASS' : 'FAIL'];
}

/** `benchPolicyCheck`'s answer (first check, then each steady check) as [first, mean, p99]. */
export function checkStats(times) {
  const [first, ...steady] = times;
  const sorted = [...steady].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return [first, mean, sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 99 / 100))]];
}
