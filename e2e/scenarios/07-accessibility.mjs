// axe-core on every page and view of the demo (sign-in, dashboard, pre-join, invite, room, room with the chat, the statistics or a device menu open), in French and in
// English (the element's `lang`), under the real CSP (axe is injected through the DevTools protocol).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { assert, inMeeting, startMeetingFromDashboard, uniqueRoom } from '../helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function axe(page, label) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' > ')),
    }));
  });
  return result.map((v) => ({ page: label, ...v }));
}

async function setLang(page, lang) {
  await page.evaluate((l) => document.querySelector('urbania-meeting')?.setAttribute('lang', l), lang);
  await page.waitForTimeout(300);
}

export default {
  name: 'accessibility',
  title: 'axe-core: no violation on any page or view, French and English',
  needsWidget: true,
  async run(world) {
    const violations = [];
    const alice = await world.user('alice', { signIn: false });
    await alice.page.goto(`${world.stack.demoUrl}/`);
    await alice.page.locator('button[data-user-id]').first().waitFor();
    violations.push(...(await axe(alice.page, 'sign-in')));
    await alice.page.click('button[data-user-id="alice"]');
    await alice.page.waitForURL(/\/dashboard$/);
    await alice.page.locator('#rooms:not([aria-busy])').waitFor();
    violations.push(...(await axe(alice.page, 'dashboard')));

    await alice.page.click('#new-meeting');
    await inMeeting(alice.page, 'prejoin').first().waitFor({ state: 'visible' });
    await inMeeting(alice.page, 'contact').first().waitFor({ state: 'visible' });
    await alice.page.waitForTimeout(800);
    for (const lang of ['fr', 'en']) {
      await setLang(alice.page, lang);
      violations.push(...(await axe(alice.page, `pre-join (${lang})`)));
    }
    await setLang(alice.page, 'fr');
    await alice.page.goto(`${world.stack.demoUrl}/dashboard`);
    const room = uniqueRoom('a11y');
    await startMeetingFromDashboard(world, alice, { room, callType: 'video', invite: ['bob'] });
    await alice.page.waitForTimeout(800);
    for (const lang of ['fr', 'en']) {
      await setLang(alice.page, lang);
      violations.push(...(await axe(alice.page, `room (${lang})`)));
    }
    // The chat panel open, with a message in it.
    await inMeeting(alice.page, 'chat-toggle').first().click();
    await inMeeting(alice.page, 'chat-input').first().fill('Bonjour https://example.com');
    await alice.page.keyboard.press('Enter');
    await inMeeting(alice.page, 'chat-message').first().waitFor({ state: 'visible' });
    for (const lang of ['fr', 'en']) {
      await setLang(alice.page, lang);
      violations.push(...(await axe(alice.page, `room, chat open (${lang})`)));
    }
    await alice.page.keyboard.press('Escape');
    await inMeeting(alice.page, 'chat-panel').first().waitFor({ state: 'detached' });
    // The statistics panel open (figures of Alice's own tracks), then the camera's device menu open.
    await inMeeting(alice.page, 'stats-toggle').first().click();
    await alice.page.waitForFunction(() => window.__e2e.deepAll('[part~="stats-track"] [data-figure="bitrate"]').some((d) => /\d/.test(d.textContent ?? '')), null, { timeout: 15_000 });
    for (const lang of ['fr', 'en']) {
      await setLang(alice.page, lang);
      violations.push(...(await axe(alice.page, `room, statistics open (${lang})`)));
    }
    await alice.page.keyboard.press('Escape');
    await inMeeting(alice.page, 'stats-panel').first().waitFor({ state: 'detached' });
    await inMeeting(alice.page, 'device-menu-toggle').last().click();
    await inMeeting(alice.page, 'device-menu').first().waitFor({ state: 'visible' });
    for (const lang of ['fr', 'en']) {
      await setLang(alice.page, lang);
      violations.push(...(await axe(alice.page, `room, device menu open (${lang})`)));
    }
    await alice.page.keyboard.press('Escape');
    await inMeeting(alice.page, 'device-menu').first().waitFor({ state: 'detached' });

    const bob = await world.user('bob');
    await bob.page.goto(`${world.stack.demoUrl}/meeting/invite?room=${room}`);
    await inMeeting(bob.page, 'invite-info').first().waitFor({ state: 'visible' });
    await bob.page.waitForTimeout(500);
    for (const lang of ['fr', 'en']) {
      await setLang(bob.page, lang);
      violations.push(...(await axe(bob.page, `invite (${lang})`)));
    }
    // The "left" view with its rejoin button.
    await inMeeting(alice.page, 'leave-button').first().click();
    await inMeeting(alice.page, 'rejoin-button').first().waitFor({ state: 'visible' });
    for (const lang of ['fr', 'en']) {
      await setLang(alice.page, lang);
      violations.push(...(await axe(alice.page, `left (${lang})`)));
    }

    for (const v of violations) world.log(`axe ${v.page}: ${v.id} (${v.impact}) ${v.help} — ${v.targets.join(' | ')}`);
    assert(
      violations.length === 0,
      `${violations.length} axe violation(s): ${violations.map((v) => `${v.page}: ${v.id} [${v.targets[0]}]`).join('; ')}`,
    );
  },
};
