#!/usr/bin/env node
// Generates a big, seed-shaped comment thread for the benchmarks, the same
// every time for the same --seed: bodies recombined from the sentences of
// seed/asbarez.json's real comments, a pool of commenter names, and a tree
// shaped like a busy news thread (mostly top-level and shallow replies, a few
// long back-and-forth chains past depth 10, one hot subtree whose size is
// known so a collapse can be timed on it).
//
//   node tools/gen-thread.mjs --n 1000 --seed 42 --thread bench-1000 > bench-1000.json
//   node tools/gen-thread.mjs --n 1000 --format isso > isso-1000.json
//
// --format seed (default): the reference server's --seed document
//   {thread, comments:[{id,parent,author,body,created_ms}], bench:{…}}
//   (`bench` says which comment to collapse; the server ignores it).
// --format isso: rows for Isso's `comments` table, {uri, bench, comments:[{id,
//   parent, author, text, created, remote_addr}]}. Isso keeps one level of
//   nesting (its own API re-parents a reply to a reply onto the top-level
//   comment), so deeper replies are re-parented the same way here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SEED = fileURLToPath(new URL('../seed/asbarez.json', import.meta.url));

/** mulberry32: tiny, fast and good enough to pick shapes and sentences. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks a key of `weights` ({value: weight}) at random. */
function weighted(rand, weights) {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  let r = rand() * total;
  for (const [k, w] of Object.entries(weights)) if ((r -= w) < 0) return k;
  return Object.keys(weights).at(-1);
}

const FIRST = ['Ani', 'Aram', 'Armen', 'Anna', 'Arpi', 'Hayk', 'Gor', 'Lilit', 'Narek', 'Nareh', 'Tigran', 'Sona',
  'Vardan', 'Karine', 'Levon', 'Mariam', 'Davit', 'Sevak', 'Talin', 'Raffi', 'Serge', 'Nora', 'Hovik', 'Gayane',
  'Ashot', 'Lusine', 'Vahe', 'Siran', 'Mher', 'Zaruhi', 'Alex', 'Maria', 'John', 'Elena', 'Paul', 'Irina'];
const LAST = ['Sarkissian', 'Petrosyan', 'Hakobyan', 'Grigoryan', 'Avetisyan', 'Boghossian', 'Der Kaloustian',
  'Manoukian', 'Tashjian', 'Kazarian', 'M.', 'K.', 'T.', 'from Glendale', 'in Yerevan', 'from Beirut'];

/** The real commenters, then made-up ones; a few names write much more often. */
function authorPool(seed, rand, size) {
  const names = new Set(seed.comments.map((c) => c.author));
  while (names.size < size) {
    const r = rand();
    const first = FIRST[Math.floor(rand() * FIRST.length)];
    names.add(r < 0.45 ? `${first} ${LAST[Math.floor(rand() * LAST.length)]}`
      : r < 0.7 ? `${first}${Math.floor(rand() * 99) + 1}` : first);
  }
  return [...names];
}

/** Sentences of the seed comments, kept verbatim (punctuation and all). */
function sentences(seed) {
  const out = [];
  for (const c of seed.comments) {
    for (const para of c.body.split(/\n+/)) {
      for (const s of para.match(/[^.!?…]+(?:[.!?…]+["”’)]*|$)\s*/g) ?? []) {
        const t = s.trim();
        if (t.length > 1) out.push(t);
      }
    }
  }
  return out;
}

/** 1–6 sentences mostly, one in ten long (7–16), the long ones in paragraphs. */
function body(rand, pool) {
  const n = rand() < 0.1 ? 7 + Math.floor(rand() * 10) : 1 + Math.floor(rand() ** 1.6 * 6);
  const parts = [];
  for (let i = 0; i < n; i++) {
    parts.push(pool[Math.floor(rand() * pool.length)]);
    if (i < n - 1 && i % 4 === 3 && rand() < 0.6) parts.push('\n\n');
  }
  return parts.join(' ').replace(/ ?\n\n ?/g, '\n\n');
}

// How deep a new reply lands outside the long chains: news threads are
// mostly top-level comments and short exchanges.
const DEPTH = { 0: 34, 1: 30, 2: 17, 3: 9, 4: 5, 5: 3, 6: 1.5, 7: 0.5 };

/**
 * Builds the tree: `n` comments, one of which (`designated`) has exactly
 * `hot` descendants. Returns comments in creation order (parents first).
 */
export function generate({ n, seed = 42, thread = `bench-${n}`, idPrefix = `${n}-` }) {
  const rand = mulberry32(seed);
  const seedDoc = JSON.parse(readFileSync(SEED, 'utf8'));
  const pool = sentences(seedDoc);
  const authors = authorPool(seedDoc, rand, Math.max(20, Math.min(800, Math.round(n / 8))));
  // Zipf-like: the first names in the pool write most of the comments.
  const author = () => authors[Math.floor(authors.length * rand() ** 2.2)];
  const hot = n >= 10_000 ? 1000 : n >= 1000 ? 100 : Math.max(1, Math.floor(n / 10));

  const comments = [];
  const depthOf = [];
  const inHot = [];
  const byDepth = { main: [], hot: [] }; // [depth] → indices, per region
  const t0 = 1_700_000_000_000;
  let clock = t0;
  const add = (parentIx, region, who) => {
    const i = comments.length;
    const depth = parentIx === null ? 0 : depthOf[parentIx] + 1;
    clock += 1000 + Math.floor(rand() * 90_000);
    comments.push({
      id: `${idPrefix}${i + 1}`, parent: parentIx === null ? null : comments[parentIx].id,
      author: who ?? author(), body: body(rand, pool), created_ms: clock,
    });
    depthOf.push(depth);
    inHot.push(region === 'hot');
    (byDepth[region][depth] ??= []).push(i);
    return i;
  };
  // Prefer recent comments as parents: people answer what is near the top of their screen.
  const pickAt = (region, depth) => {
    const list = byDepth[region][depth];
    if (!list?.length) return undefined;
    const k = Math.floor(list.length * (1 - rand() ** 3));
    return list[Math.min(k, list.length - 1)];
  };
  // Two people arguing: alternate authors, each reply one level deeper.
  const chain = (fromIx, length, region) => {
    const who = [comments[fromIx].author, author()];
    let at = fromIx;
    for (let k = 0; k < length; k++) at = add(at, region, who[(k + 1) % 2]);
    return length;
  };

  // A few top-level comments first, then the hot one (depth 1, under an early
  // top-level comment, so it is on the first page of any paging).
  const warm = Math.min(5, n - hot - 1);
  for (let i = 0; i < warm; i++) add(null, 'main');
  const hotRoot = add(warm > 0 ? 0 : null, 'main');
  // Only the hot region may reply under the hot comment, so its count is exact.
  byDepth.main[depthOf[hotRoot]].pop();
  byDepth.hot[depthOf[hotRoot]] = [hotRoot];
  let hotLeft = hot;
  let mainLeft = n - comments.length - hot;
  // Long chains: two per thousand comments, at least one, and one inside the
  // hot subtree when it is big enough to hold it.
  const chainsLeft = { main: Math.max(1, Math.round(n / 1000) * 2), hot: hot >= 100 ? 1 : 0 };
  while (hotLeft + mainLeft > 0) {
    const region = rand() * (hotLeft + mainLeft) < hotLeft ? 'hot' : 'main';
    const left = region === 'hot' ? hotLeft : mainLeft;
    const base = region === 'hot' ? depthOf[hotRoot] + 1 : 0;
    let used = 1;
    // Chains go 10–25 deep; roughly `chains` of them per region share.
    if (left > 30 && rand() * Math.max(1, left - 25 * chainsLeft[region]) < chainsLeft[region]) {
      chainsLeft[region] -= 1;
      const from = pickAt(region, base + 1 + Math.floor(rand() * 2)) ?? pickAt(region, base) ?? hotRoot;
      used = chain(from, Math.min(left, 10 + Math.floor(rand() * 16)), region);
    } else {
      const d = Number(weighted(rand, DEPTH));
      let parent = null;
      if (region === 'hot') parent = d === 0 ? hotRoot : pickAt('hot', base + d - 1) ?? hotRoot;
      else if (d > 0) parent = pickAt('main', d - 1) ?? null;
      add(parent, region);
    }
    if (region === 'hot') hotLeft -= used; else mainLeft -= used;
  }

  const count = inHot.filter(Boolean).length;
  const maxDepth = Math.max(...depthOf);
  const histogram = {};
  for (const d of depthOf) histogram[d >= 10 ? '10+' : d] = (histogram[d >= 10 ? '10+' : d] ?? 0) + 1;
  const bench = {
    generator: `tools/gen-thread.mjs --n ${n} --seed ${seed}`,
    collapse: { id: comments[hotRoot].id, descendants: count, depth: depthOf[hotRoot] },
    // Replies posted by a benchmark go here, outside the collapse subtree, so it keeps its size.
    reply_to: comments[warm > 1 ? 1 : 0].id,
    max_depth: maxDepth, depths: histogram, authors: authors.length,
    mean_body_chars: Math.round(comments.reduce((s, c) => s + c.body.length, 0) / n),
  };
  return { thread, comments, bench };
}

/** The same thread as rows of Isso's `comments` table (integer ids, one nesting level). */
export function toIsso({ thread, comments, bench }) {
  const num = new Map(comments.map((c, i) => [c.id, i + 1]));
  const top = new Map();
  const addr = new Map();
  const rows = comments.map((c) => {
    const root = c.parent === null ? null : (top.get(c.parent) ?? num.get(c.parent));
    top.set(c.id, root ?? num.get(c.id));
    // One anonymised address per author, like Isso stores (its avatar hash is keyed on it).
    if (!addr.has(c.author)) addr.set(c.author, `10.${(addr.size >> 8) & 255}.${addr.size & 255}.0`);
    return { id: num.get(c.id), parent: root, author: c.author, text: c.body,
      created: c.created_ms / 1000, remote_addr: addr.get(c.author) };
  });
  return { uri: thread, bench: { ...bench, collapse: { ...bench.collapse, isso_id: num.get(bench.collapse.id) } }, comments: rows };
}

function main(argv) {
  const opt = { n: 1000, seed: 42, format: 'seed' };
  for (let i = 0; i < argv.length; i += 2) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (v === undefined) throw new Error(`${k} needs a value`);
    if (k === '--n') opt.n = Number(v);
    else if (k === '--seed') opt.seed = Number(v);
    else if (k === '--thread') opt.thread = v;
    else if (k === '--id-prefix') opt.idPrefix = v;
    else if (k === '--format') opt.format = v;
    else throw new Error(`unknown argument ${k} (--n N --seed S --thread ID --id-prefix P --format seed|isso)`);
  }
  if (!Number.isInteger(opt.n) || opt.n < 10) throw new Error('--n must be an integer ≥ 10');
  if (!['seed', 'isso'].includes(opt.format)) throw new Error('--format is seed or isso');
  const doc = generate(opt);
  process.stdout.write(JSON.stringify(opt.format === 'isso' ? toIsso(doc) : doc));
  process.stderr.write(`${doc.comments.length} comments, collapse ${doc.bench.collapse.id} ` +
    `(${doc.bench.collapse.descendants} descendants), max depth ${doc.bench.max_depth}, ` +
    `depths ${JSON.stringify(doc.bench.depths)}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try { main(process.argv.slice(2)); } catch (e) { console.error(`gen-thread: ${e.message}`); process.exit(2); }
}
