// Policy check latency in headless Chromium, on the shipped release wasm:
// first check (with set-up, in a fresh page) and mean/p99 of a 2 KB draft.
import { readFileSync } from 'node:fs';
import { launch, serveDist, ROOT } from '../e2e/browser.mjs';
import { checkStats } from './lib/report.mjs';

const seed = JSON.parse(readFileSync(`${ROOT}seed/asbarez.json`, 'utf8'));
let draft = seed.comments.map((c) => c.body).join('\n\n');
while (Buffer.byteLength(draft) < 2048) draft += `\n\n${draft}`;
draft = Buffer.from(draft).subarray(0, 2048).toString('utf8').replace(/\uFFFD$/, '');

const { server, url } = await serveDist();
const browser = await launch();
const firsts = [];
let steady;
for (let i = 0; i < 5; i++) {
  const page = await browser.newPage();
  await page.goto(`${url}?backend=local`);
  await page.waitForFunction(() => window.wasmBindings?.benchPolicyCheck);
  const [first, mean, p99] = checkStats(await page.evaluate(async (t) => Array.from(await window.wasmBindings.benchPolicyCheck(t, 500)), draft));
  firsts.push(first);
  steady = { mean, p99 };
  await page.close();
}
await browser.close();
server.close();
firsts.sort((a, b) => a - b);
console.log(`policy check in Chromium (release wasm), ${Buffer.byteLength(draft)}-byte draft:`);
console.log(`first check incl. set-up: median ${firsts[2].toFixed(2)} ms, worst ${firsts[4].toFixed(2)} ms (5 fresh pages)`);
console.log(`mean check:               ${steady.mean.toFixed(3)} ms`);
console.log(`p99 check:                ${steady.p99.toFixed(3)} ms`);
