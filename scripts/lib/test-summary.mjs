// The bookkeeping of `npm test` (scripts/test-all.mjs), without any process: parsing each runner's counts, turning a
// finished step into a row, and the final verdict. Pure functions, unit-tested by test-summary.test.mjs.

/**
 * @typedef {{ passed: number, failed: number, skipped?: number }} Counts
 * @typedef {{ code: number, signal?: NodeJS.Signals | null, timedOut: boolean, out: string, seconds: number }} RunResult
 * @typedef {{ name: string, status: string, passed: number, failed: number, skipped: number, note: string, seconds?: number }} Row
 */

/** Statuses that count as a success. Anything else (FAILED, CRASHED, TIMEOUT, MISSING, EMPTY, NO COUNTS) is a failure. */
export const OK_STATUSES = ['passed', 'ok'];

/**
 * The last match of `re` in `text`.
 * @param {string} text
 * @param {RegExp} re
 */
function lastMatch(text, re) {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let m;
  let last = null;
  while ((m = g.exec(text))) last = m;
  return last;
}

/**
 * vitest's JSON report (preferred), else its text summary. Files that fail to load count as failed.
 * @param {string} out
 * @param {any} json the JSON reporter's output, or null
 * @returns {Counts | null}
 */
export function parseVitest(out, json) {
  if (json && typeof json.numPassedTests === 'number') {
    /** @type {Array<{ status: string, assertionResults?: unknown[] }>} */
    const files = json.testResults ?? [];
    const brokenFiles = files.filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
    return { passed: json.numPassedTests, failed: json.numFailedTests + brokenFiles, skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0) };
  }
  const line = lastMatch(out, /^\s*Tests\s+(.*)$/m);
  if (!line) return null;
  const n = (/** @type {string} */ word) => Number(String(line[1]).match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  const files = lastMatch(out, /^\s*Test Files\s+(.*)$/m);
  const failedFiles = files ? Number(String(files[1]).match(/(\d+) failed/)?.[1] ?? 0) : 0;
  return { passed: n('passed'), failed: Math.max(n('failed'), failedFiles ? 1 : 0), skipped: n('skipped') + n('todo') };
}

/**
 * The last `N passed, N failed[, N skipped]` line (web-test-runner, e2e/run.mjs).
 * @param {string} out
 * @returns {Counts | null}
 */
export function parsePassedFailed(out) {
  const m = lastMatch(out, /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/);
  if (!m) return null;
  return { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3] ?? 0) };
}

/**
 * node --test's closing TAP counters (`# pass N`, `# fail N`, …).
 * @param {string} out
 * @returns {Counts | null}
 */
export function parseNodeTest(out) {
  /** @param {string} word */
  const n = (word) => {
    const m = lastMatch(out, new RegExp(`^# ${word} (\\d+)$`, 'm'));
    return m ? Number(m[1]) : null;
  };
  const passed = n('pass');
  const failed = n('fail');
  if (passed === null || failed === null) return null;
  return { passed, failed: failed + (n('cancelled') ?? 0), skipped: (n('skipped') ?? 0) + (n('todo') ?? 0) };
}

/**
 * A step whose entry (the file its runner needs) does not exist: a failure, never a skip.
 * @param {string} name
 * @param {string[]} missing the absent entry files
 * @returns {Row}
 */
export function missingRow(name, missing) {
  return { name, status: 'MISSING', passed: 0, failed: 1, skipped: 0, note: `entry missing: ${missing.join(', ')}` };
}

/**
 * Turns a finished run and its parsed counts into a row: a timeout, a crash, a non-zero exit with no failed test, or a
 * run with no test at all counts at least one failure.
 * @param {string} name
 * @param {RunResult} res
 * @param {Counts | null} counts
 * @returns {Row}
 */
export function settle(name, res, counts) {
  const base = { name, passed: counts?.passed ?? 0, failed: counts?.failed ?? 0, skipped: counts?.skipped ?? 0, seconds: res.seconds };
  if (res.timedOut) return { ...base, status: 'TIMEOUT', failed: Math.max(1, base.failed), note: `killed after ${Math.round(res.seconds)} s` };
  if (!counts) return { ...base, status: res.code === 0 ? 'NO COUNTS' : 'CRASHED', failed: 1, note: `exit ${res.code}; no test summary found in its output` };
  if (res.code !== 0 && counts.failed === 0) return { ...base, status: 'CRASHED', failed: 1, note: `exit ${res.code} although no test failed` };
  if (counts.passed + counts.failed === 0) return { ...base, status: 'EMPTY', failed: 1, note: 'ran no test at all' };
  return { ...base, status: counts.failed ? 'FAILED' : 'passed', note: '' };
}

/**
 * The verdict over every row: the closing `N passed, N failed` line and the exit code (0 only when every row is ok).
 * @param {Row[]} rows
 */
export function verdict(rows) {
  const passed = rows.reduce((a, r) => a + r.passed, 0);
  const failed = rows.reduce((a, r) => a + r.failed, 0);
  const bad = failed > 0 || rows.some((r) => !OK_STATUSES.includes(r.status));
  return { passed, failed, exitCode: bad ? 1 : 0, line: `${passed} passed, ${failed} failed` };
}
