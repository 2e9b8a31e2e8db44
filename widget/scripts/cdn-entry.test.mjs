// node --test widget/scripts/cdn-entry.test.mjs (part of the `scripts` suite of `npm test`, which builds the widget
// first when dist/ is stale): the CDN entry, and the chunks it imports statically (all loaded before the pre-join is
// interactive), stay within issue #8's budget: ≤ 30 KB gzip (-9, as bench/widget/run.mjs measures) and nothing of
// the call itself (livekit-client, the session, chat, stats, hands, devices, picture-in-picture, the room's strings),
// which loads lazily with the room chunk. A static import of an in-call module from the entry fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// CDN_DIR=… checks another build (e.g. an older one, to see this test fail).
const CDN_DIR = process.env.CDN_DIR ? path.resolve(process.env.CDN_DIR) : fileURLToPath(new URL('../dist/cdn/', import.meta.url));
const ENTRY = path.join(CDN_DIR, 'urbania-meeting.js');
const BUDGET = 30 * 1024;

/** Strings that only in-call modules carry (property names and literals survive terser). */
const IN_CALL_MARKERS = [
  'documentPictureInPicture', // core/pip.ts
  'getRTCStatsReport', // core/rtc-stats.ts
  'setScreenShareEnabled', // core/call-session.ts
  'handRaisedAt', // core/hands.ts
  'lk.chat', // core/chat.ts
  '"chat.send"', // i18n/room.fr.ts (the room's strings)
  '"stats.title"',
  '"room.leave"',
];

/** Relative modules a chunk imports statically (`import … from "./x.js"`, `import "./x.js"`), not `import()`. */
export function staticImports(code) {
  const out = new Set();
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)) out.add(m[1]);
  return [...out];
}

/** The entry and every chunk it imports statically, transitively: what loads before the pre-join. */
function entryClosure(entry) {
  const seen = new Map();
  const visit = (file) => {
    if (seen.has(file)) return;
    const code = fs.readFileSync(file, 'utf8');
    seen.set(file, code);
    for (const spec of staticImports(code)) visit(path.resolve(path.dirname(file), spec));
  };
  visit(entry);
  return seen;
}

test('staticImports sees static imports and re-exports, not dynamic import()', () => {
  const code = 'import{a as b}from"./chunks/x.js";import"./y.js";export{c}from"./z.js";const m=()=>import("./chunks/room.js");';
  assert.deepEqual(staticImports(code), ['./chunks/x.js', './y.js', './z.js']);
});

test('the CDN entry loads none of the call before the pre-join, within 30 KB gzip', (t) => {
  assert.ok(fs.existsSync(ENTRY), `${ENTRY} is missing: run \`npm run build -w widget\` first`);
  const closure = entryClosure(ENTRY);
  let gzip = 0;
  for (const [file, code] of closure) {
    const rel = path.relative(CDN_DIR, file);
    const size = gzipSync(code, { level: 9 }).length;
    gzip += size;
    t.diagnostic(`${rel}: ${(size / 1024).toFixed(1)} KB gzip`);
    for (const marker of IN_CALL_MARKERS) {
      assert.ok(!code.includes(marker), `${rel} (loaded before the pre-join) contains ${marker}: an in-call module is imported statically`);
    }
  }
  assert.ok(gzip <= BUDGET, `the entry and its static chunks weigh ${(gzip / 1024).toFixed(1)} KB gzip (budget 30 KB)`);
  // The lazy chunks exist and carry the call (else the markers above prove nothing).
  const lazy = fs.readdirSync(path.join(CDN_DIR, 'chunks')).map((f) => fs.readFileSync(path.join(CDN_DIR, 'chunks', f), 'utf8')).join('\n');
  for (const marker of IN_CALL_MARKERS) assert.ok(lazy.includes(marker), `no lazy chunk contains ${marker}: update the marker list`);
});
