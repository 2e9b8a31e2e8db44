// (a) of the widget bench: gzip -9 of every file of the CDN build, and of the JS the pre-join demo page downloads until
// it is interactive.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { sleep } from '../../e2e/stack.mjs';
import { openMeeting } from '../../e2e/pages.mjs';
import { gz, kb } from './figures.mjs';

function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

export function cdnSizes(CDN_DIR) {
  if (!existsSync(CDN_DIR)) {
    console.log('(a) widget/dist/cdn/ does not exist: run `npm run build -w widget` first');
    return null;
  }
  const files = walk(CDN_DIR).map((p) => {
    const buf = readFileSync(p);
    return { file: path.relative(CDN_DIR, p), raw: buf.length, gzip: gz(buf) };
  });
  const shipped = files.filter((f) => !f.file.endsWith('.map'));
  const total = shipped.reduce((s, f) => s + f.gzip, 0);
  const maps = files.filter((f) => f.file.endsWith('.map')).reduce((s, f) => s + f.gzip, 0);
  console.log('\n(a) widget/dist/cdn/ (gzip -9 per file)');
  for (const f of shipped.sort((a, b) => b.gzip - a.gzip)) console.log(`    ${f.file.padEnd(48)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gz`);
  console.log(`    total shipped (without source maps): ${kb(total)} gz  [target ≤ 190 KB: ${total <= 190 * 1024 ? 'met' : 'NOT met'}]`);
  if (maps) console.log(`    (source maps, not downloaded by pages: ${kb(maps)} gz)`);
  return { files: shipped, totalGzip: total };
}

/** (a') The JS the pre-join demo page downloads until the room-name field takes input and "Démarrer l'appel" is enabled. */
export async function prejoinDownload(browser, stack, auth) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = [];
  let interactive = false;
  const late = [];
  page.on('response', async (res) => {
    const type = res.request().resourceType();
    const ct = res.headers()['content-type'] ?? '';
    if (type !== 'script' && !ct.includes('javascript')) return;
    const entry = { url: res.url(), before: !interactive };
    (interactive ? late : scripts).push(entry);
    try {
      entry.gzip = gz(await res.body());
    } catch {
      entry.gzip = 0;
    }
  });
  try {
    const t0 = Date.now();
    await openMeeting(page, stack, auth, '/meeting/pre-join');
    // Interactive: the room-name field takes input and the start button can be pressed.
    const name = page.locator('[part~="room-name-input"]').first();
    await name.waitFor({ state: 'visible', timeout: 20_000 });
    await name.fill(`bench-size-${Date.now()}`);
    const start = page.locator('[part~="start-button"]').first();
    await start.waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForFunction((el) => !el.disabled && !el.hasAttribute('aria-disabled'), await start.elementHandle(), { timeout: 20_000 });
    interactive = true;
    const ms = Date.now() - t0;
    await sleep(1500); // see what else arrives afterwards (prefetches), reported separately
    const before = scripts.reduce((s, e) => s + (e.gzip ?? 0), 0);
    console.log(`\n(a) JS downloaded before the pre-join view is interactive (${ms} ms after navigation):`);
    for (const e of scripts) console.log(`    ${new URL(e.url).pathname.padEnd(48)} ${kb(e.gzip ?? 0).padStart(10)} gz`);
    const widgetOnly = scripts.filter((e) => new URL(e.url).pathname.startsWith('/widget/')).reduce((s, e) => s + (e.gzip ?? 0), 0);
    console.log(`    total: ${kb(before)} gz, of which the widget (/widget/*) ${kb(widgetOnly)} gz and the demo page's own scripts ${kb(before - widgetOnly)}  [target ≤ 30 KB: ${before <= 30 * 1024 ? 'met' : 'NOT met'}]`);
    if (late.length) console.log(`    loaded later, after interactive: ${late.map((e) => `${new URL(e.url).pathname} (${kb(e.gzip ?? 0)})`).join(', ')}`);
    return { totalGzip: before, widgetGzip: widgetOnly, interactiveMs: ms, scripts: scripts.map((e) => ({ path: new URL(e.url).pathname, gzip: e.gzip })), late: late.map((e) => new URL(e.url).pathname) };
  } finally {
    await context.close();
  }
}
