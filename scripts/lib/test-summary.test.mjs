// `npm test`'s bookkeeping (scripts/lib/test-summary.mjs): a missing suite is a failure, never a pass or a skip.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { missingRow, parseNodeTest, parsePassedFailed, parseVitest, settle, verdict } from './test-summary.mjs';

const ran = (code = 0, out = '') => ({ code, timedOut: false, out, seconds: 1 });

describe('npm test summary', () => {
  it('a suite whose entry is missing counts as one failure and makes the run fail', () => {
    const rows = [settle('token-service (vitest)', ran(), { passed: 10, failed: 0 }), missingRow('e2e', ['e2e/run.mjs'])];
    assert.equal(rows[1]?.status, 'MISSING');
    const v = verdict(rows);
    assert.equal(v.line, '10 passed, 1 failed');
    assert.equal(v.exitCode, 1);
  });

  it('passes only when every row is ok', () => {
    const rows = [{ name: 'tools', status: 'ok', passed: 0, failed: 0, skipped: 0, note: '' }, settle('widget', ran(), { passed: 3, failed: 0 })];
    assert.deepEqual(verdict(rows), { passed: 3, failed: 0, exitCode: 0, line: '3 passed, 0 failed' });
    assert.equal(verdict([...rows, { name: 'widget build', status: 'FAILED', passed: 0, failed: 1, skipped: 0, note: '' }]).exitCode, 1);
  });

  it('a crash, a timeout, an exit without a failed test and an empty run each count one failure', () => {
    assert.deepEqual([settle('a', ran(1), null).status, settle('a', ran(1), null).failed], ['CRASHED', 1]);
    assert.deepEqual([settle('a', ran(0), null).status, settle('a', ran(0), null).failed], ['NO COUNTS', 1]);
    const late = settle('a', { code: 143, timedOut: true, out: '', seconds: 600 }, { passed: 4, failed: 0 });
    assert.deepEqual([late.status, late.passed, late.failed], ['TIMEOUT', 4, 1]);
    assert.deepEqual([settle('a', ran(2), { passed: 5, failed: 0 }).status, settle('a', ran(2), { passed: 5, failed: 0 }).failed], ['CRASHED', 1]);
    assert.deepEqual([settle('a', ran(0), { passed: 0, failed: 0 }).status, settle('a', ran(0), { passed: 0, failed: 0 }).failed], ['EMPTY', 1]);
  });

  it('reads each runner’s counts', () => {
    assert.deepEqual(parseVitest('', { numPassedTests: 7, numFailedTests: 1, numPendingTests: 2, testResults: [{ status: 'failed', assertionResults: [] }] }), { passed: 7, failed: 2, skipped: 2 });
    assert.deepEqual(parseVitest(' Test Files  1 failed | 3 passed (4)\n      Tests  12 passed | 1 skipped (13)\n', null), { passed: 12, failed: 1, skipped: 1 });
    assert.deepEqual(parsePassedFailed('Chromium: 12/12 test files | 106 passed, 0 failed\n'), { passed: 106, failed: 0, skipped: 0 });
    assert.deepEqual(parseNodeTest('# tests 6\n# pass 5\n# fail 1\n# cancelled 0\n# skipped 0\n# todo 0\n'), { passed: 5, failed: 1, skipped: 0 });
    assert.equal(parseNodeTest('no summary'), null);
  });
});
