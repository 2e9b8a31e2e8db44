// The demo itself: sign-in lists the demo users, login reaches the dashboard, "Nouvelle réunion" opens the
// pre-join page, which loads the widget by script tag under the strict CSP.
import { assert, expectNoCspViolation } from '../helpers.mjs';

export default {
  name: 'demo-pages',
  title: 'demo: sign-in, dashboard, pre-join page loads the widget under CSP',
  needsWidget: true,
  async run(world) {
    const u = await world.user('alice', { signIn: false });
    const { page } = u;
    const res = await page.goto(`${world.stack.demoUrl}/`);
    const csp = res.headers()['content-security-policy'] ?? '';
    assert(csp.includes("script-src 'self'") && !csp.includes('unsafe-eval'), `unexpected CSP: ${csp}`);
    assert((await page.getAttribute('html', 'lang')) === 'fr', 'sign-in page is not lang="fr"');
    const buttons = page.locator('button[data-user-id]');
    await buttons.first().waitFor();
    assert((await buttons.count()) === 5, `expected 5 demo users, got ${await buttons.count()}`);
    await page.click('button[data-user-id="alice"]');
    await page.waitForURL(/\/dashboard$/);
    await page.locator('#who', { hasText: 'Alice Martin' }).waitFor();
    await page.click('#new-meeting');
    await page.waitForURL(/\/meeting\/pre-join$/);
    await page.waitForFunction(() => !!customElements.get('urbania-meeting'), null, { timeout: 15_000 });
    await page.locator('urbania-meeting [part~="prejoin"]').first().waitFor({ state: 'visible' });
    const contacts = await page.locator('urbania-meeting [part~="contact"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    assert(contacts.length === 4 && !contacts.includes('alice'), `contacts should be the 4 other demo users, got ${JSON.stringify(contacts)}`);
    await expectNoCspViolation(world, u);
  },
};
