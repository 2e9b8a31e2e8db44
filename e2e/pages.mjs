// Page helpers shared by the scenarios and the widget benchmark. Selectors follow the widget's DOM contract:
// `part` names inside open shadow roots (Playwright's CSS engine pierces them).

/** Key under which the demo keeps the signed-in session (see demo/public/js/session.js). */
export const SESSION_KEY = 'urbania-demo.session';

export const part = (name) => `[part~="${name}"]`;

export function withTimeout(promise, ms, label) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${label}: timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Opens a demo page already signed in (session stored the way the sign-in page stores it). */
export async function openMeeting(page, stack, login, pathname) {
  await page.addInitScript(
    ([key, value]) => {
      try {
        sessionStorage.setItem(key, value);
      } catch {
        /* opaque origins */
      }
    },
    [SESSION_KEY, JSON.stringify({ token: login.access_token, user: login.user })],
  );
  await page.goto(`${stack.demoUrl}${pathname}`, { waitUntil: 'domcontentloaded', timeout: 20_000 });
}

/** Signs in through the demo's own sign-in page by clicking the demo user's button. */
export async function signInThroughUi(page, stack, userId) {
  await page.goto(`${stack.demoUrl}/`, { waitUntil: 'domcontentloaded', timeout: 20_000 });
  await page.locator(`button[data-user-id="${userId}"]`).click({ timeout: 15_000 });
  await page.waitForURL(/\/dashboard/, { timeout: 15_000 });
}

export const connectionState = (page) => page.evaluate(() => document.querySelector('urbania-meeting')?.getAttribute('connection-state'));

/**
 * Waits until the element says `connection-state="connected"`. When the view shows a join button instead
 * (room view that waits for a click), clicks it once if `clickJoin`.
 */
export async function waitConnected(page, { clickJoin = true, timeoutMs = 30_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let clicked = false;
  while (Date.now() < deadline) {
    const state = await connectionState(page);
    if (state === 'connected') return;
    if (clickJoin && !clicked) {
      const join = page.locator(`urbania-meeting ${part('join-button')}`).first();
      if (await join.isVisible().catch(() => false)) {
        if (await join.isEnabled().catch(() => false)) {
          await join.click({ timeout: 5000 }).catch(() => {});
          clicked = true;
        }
      }
    }
    await page.waitForTimeout(150);
  }
  const err = await page
    .locator(`urbania-meeting ${part('error')}`)
    .first()
    .textContent({ timeout: 500 })
    .catch(() => null);
  throw new Error(`not connected after ${timeoutMs} ms (connection-state=${await connectionState(page)}${err ? `, error: ${err.trim()}` : ''})`);
}
