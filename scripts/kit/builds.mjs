// The one rule for "this workspace needs a build": its output is missing, or older than anything it is built from.
// Two builds: the widget's CDN bundle (which the demo serves) and the compiled token service, token-service/dist/
// (what production, npm start and the bench run with plain node).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './processes.mjs';

/**
 * @typedef {object} BuildTarget
 * @property {string} workspace  built with `npm run build -w <workspace>` from the repository root
 * @property {string} output     the file whose age is compared (relative to the root)
 * @property {string[]} inputs   files and folders it is built from (relative to the root)
 */

/** @type {BuildTarget} */
export const WIDGET = {
  workspace: 'widget',
  output: 'widget/dist/cdn/urbania-meeting.js',
  inputs: [
    'widget/src',
    'widget/package.json',
    'widget/rollup.config.mjs',
    'widget/tsconfig.json',
    'widget/tsconfig.build.json',
    'widget/custom-elements-manifest.config.mjs',
    'package-lock.json',
    // The build regenerates widget/src/core/api.generated.ts from the service's OpenAPI document, which these write.
    'widget/scripts/contract.mjs',
    'token-service/src/schemas.ts',
    'token-service/src/routes',
    'token-service/contract',
  ],
};

/** @type {BuildTarget} */
export const TOKEN_SERVICE = {
  workspace: 'token-service',
  output: 'token-service/dist/main.js',
  inputs: ['token-service/src', 'token-service/package.json', 'token-service/tsconfig.json', 'token-service/tsconfig.build.json', 'tsconfig.base.json'],
};

export const WIDGET_CDN_DIR = path.join(ROOT, 'widget', 'dist', 'cdn');
export const WIDGET_BUNDLE = path.join(ROOT, WIDGET.output);

/** Newest modification time under `p` (a file or a folder), with the file that has it. @param {string} p */
function newest(p) {
  /** @type {{ file: string, mtimeMs: number }} */
  let best = { file: p, mtimeMs: 0 };
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return best;
  }
  if (!stat.isDirectory()) return { file: p, mtimeMs: stat.mtimeMs };
  for (const entry of fs.readdirSync(p)) {
    const n = newest(path.join(p, entry));
    if (n.mtimeMs > best.mtimeMs) best = n;
  }
  return best;
}

/**
 * Whether a build's output is usable as it is.
 * @param {BuildTarget} target
 * @param {{ root?: string }} [options] another checkout (tests)
 * @returns {{ state: 'fresh' | 'stale' | 'missing', reason: string }}
 */
export function buildState(target, { root = ROOT } = {}) {
  let built = 0;
  try {
    built = fs.statSync(path.join(root, target.output)).mtimeMs;
  } catch {
    return { state: 'missing', reason: 'no build yet' };
  }
  let source = { file: '', mtimeMs: 0 };
  for (const input of target.inputs) {
    const n = newest(path.join(root, input));
    if (n.mtimeMs > source.mtimeMs) source = n;
  }
  if (source.mtimeMs > built) return { state: 'stale', reason: `${path.relative(root, source.file)} changed since the last build` };
  return { state: 'fresh', reason: 'up to date' };
}

/** The command that builds a target (cwd: the repository root). @param {BuildTarget} target @returns {[string, string[]]} */
export function buildCommand(target) {
  return ['npm', ['run', 'build', '-w', target.workspace]];
}

/**
 * Builds `target` when buildState() says so. The build's output goes to `logFile` when given, else to stderr.
 * @param {BuildTarget} target
 * @param {{ logFile?: string, say?: (message: string) => void }} [options]
 * @returns {{ ok: boolean, built: boolean, error?: string }} `error` says why when not ok
 */
export function ensureBuilt(target, { logFile, say = (m) => console.error(m) } = {}) {
  const { state, reason } = buildState(target);
  if (state === 'fresh') return { ok: true, built: false };
  const [cmd, args] = buildCommand(target);
  say(`→ building ${target.workspace} (${reason}): ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: logFile ? 'pipe' : ['ignore', 2, 2], timeout: 600_000 });
  if (logFile) {
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    fs.writeFileSync(logFile, `${r.stdout ?? ''}${r.stderr ?? ''}`);
  }
  if (r.status !== 0 || !fs.existsSync(path.join(ROOT, target.output))) {
    return { ok: false, built: true, error: `the ${target.workspace} build failed (status ${r.status ?? r.signal})${logFile ? `; output in ${path.relative(ROOT, logFile)}` : ''}` };
  }
  return { ok: true, built: true };
}
