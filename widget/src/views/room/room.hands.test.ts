import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './room.js';
import type { UrbaniaRoom } from './room.component.js';
import { axeViolations } from '../../test/helpers.js';
import { FakeSession, connected, person } from '../../test/fake-session.js';

const q = <T extends Element = Element>(el: UrbaniaRoom, s: string) => el.shadowRoot!.querySelector<T>(s);
const panelOf = (el: UrbaniaRoom) => q(el, 'urbania-participants-panel')!.shadowRoot!;
const text = (e: Element | null | undefined) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<urbania-room>: raised hands', () => {
  it('the hand toggle: named, pressed while our hand is up, with a tooltip and its shortcut; it asks the host element', async () => {
    const session = new FakeSession(connected([person('me', { isLocal: true, name: 'Moi' })]));
    const el = await fixture<UrbaniaRoom>(html`<urbania-room .session=${session}></urbania-room>`);
    const toggle = q<HTMLButtonElement>(el, '[part="hand-toggle"]')!;
    expect(toggle.getAttribute('aria-label')).to.equal('Lever la main');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.dataset['tip']).to.match(/^Lever la main \((Ctrl\+Alt\+H|⌘\+Ctrl\+H)\)$/);
    expect(toggle.getAttribute('aria-keyshortcuts')).to.equal('Control+Alt+H Meta+Control+H');
    const raise = oneEvent(el, 'room-hand');
    toggle.click();
    expect((await raise).detail).to.equal(true);

    session.set({ participants: [person('me', { isLocal: true, handRaisedAt: 1000 })] });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(toggle.dataset['tip']).to.match(/^Baisser la main/);
    const lower = oneEvent(el, 'room-hand');
    toggle.click();
    expect((await lower).detail).to.equal(false);
  });

  it('a webinar\'s audience has the hand toggle (no publish controls)', async () => {
    const session = new FakeSession(connected([person('me', { isLocal: true, canPublish: false })], { canPublish: false }));
    const el = await fixture<UrbaniaRoom>(html`<urbania-room .session=${session}></urbania-room>`);
    expect(q(el, '[part="mic-toggle"]')).to.equal(null);
    expect(q(el, '[part="hand-toggle"]')).to.exist;
    // Ctrl+Alt+H works for the audience too.
    const raise = oneEvent(el, 'room-hand');
    q<HTMLElement>(el, '[part="room"]')!.dispatchEvent(new KeyboardEvent('keydown', { code: 'KeyH', key: 'h', ctrlKey: true, altKey: true, bubbles: true, composed: true }));
    expect((await raise).detail).to.equal(true);
  });

  it('tiles show the hand with its place in the queue; the panel lists hands in order, then everyone', async () => {
    const session = new FakeSession(connected([
      person('me', { isLocal: true, name: 'Moi' }),
      person('bob', { name: 'Bob Dupont', handRaisedAt: 2000 }),
      person('carol', { name: 'Carole', handRaisedAt: 1000 }),
    ]));
    const el = await fixture<UrbaniaRoom>(html`<urbania-room .session=${session}></urbania-room>`);
    const badge = (id: string) => q(el, `[part="tile"][data-identity="${id}"] [part="tile-hand"]`);
    expect(badge('carol')!.getAttribute('aria-label')).to.equal('Main levée, numéro 1');
    expect(badge('bob')!.getAttribute('data-position')).to.equal('2');
    expect(badge('me')).to.equal(null);
    const panel = panelOf(el);
    expect([...panel.querySelectorAll('[part="raised-hand"]')].map((li) => li.getAttribute('data-identity'))).to.deep.equal(['carol', 'bob']);
    expect(text(panel.querySelector('#hands-title'))).to.equal('Mains levées (2)');
    // Not the host: no lower buttons on others' hands.
    expect(panel.querySelector('[part="lower-hand-button"]')).to.equal(null);
    expect(panel.querySelector('[part="participant"][data-identity="bob"] [part="hand-indicator"]')).to.exist;
    expect(panel.querySelector('[part="participant"][data-identity="me"] [part="hand-indicator"]')).to.equal(null);

    session.set({ participants: [person('me', { isLocal: true, name: 'Moi' }), person('bob', { name: 'Bob Dupont' }), person('carol', { name: 'Carole' })] });
    await el.updateComplete;
    await (q(el, 'urbania-participants-panel') as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(panel.querySelector('[part="raised-hands"]')).to.equal(null);
    expect(q(el, '[part="tile-hand"]')).to.equal(null);
  });

  it('the host lowers someone\'s hand from the panel (room-lower-hand), and anyone lowers their own (room-hand)', async () => {
    const session = new FakeSession(connected([
      person('me', { isLocal: true, name: 'Moi', handRaisedAt: 500 }),
      person('bob', { name: 'Bob Dupont', handRaisedAt: 2000 }),
    ]));
    const el = await fixture<UrbaniaRoom>(html`<urbania-room host .session=${session}></urbania-room>`);
    q<HTMLButtonElement>(el, '[part="people-toggle"]')!.click();
    await el.updateComplete;
    const panel = panelOf(el);
    const buttons = [...panel.querySelectorAll<HTMLButtonElement>('[part="lower-hand-button"]')];
    expect(buttons.map(text)).to.deep.equal(['Baisser la main', 'Baisser la main de Bob Dupont']);
    const other = oneEvent(el, 'room-lower-hand');
    buttons[1]!.click();
    expect((await other).detail).to.equal('bob');
    const own = oneEvent(el, 'room-hand');
    buttons[0]!.click();
    expect((await own).detail).to.equal(false);
    // Escape closes the panel and gives the keyboard back to its toggle.
    panel.querySelector('aside')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await el.updateComplete;
    expect(q<HTMLElement>(el, 'urbania-participants-panel')!.hidden).to.equal(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('people-toggle');
  });

  for (const locale of ['fr', 'en'] as const) {
    it(`has no axe violations with hands up and the participants panel open (host, ${locale})`, async () => {
      const session = new FakeSession(connected([
        person('me', { isLocal: true, name: 'Alice Martin', handRaisedAt: 500 }),
        person('bob', { name: 'Bob Dupont', handRaisedAt: 2000, micMuted: true }),
        person('carol', { name: 'Carole Lefèvre' }),
      ]));
      const el = await fixture<UrbaniaRoom>(html`<urbania-room host style="display:block;width:900px;height:600px" .locale=${locale} .roomName=${'r1'} .session=${session}></urbania-room>`);
      q<HTMLButtonElement>(el, '[part="people-toggle"]')!.click();
      await el.updateComplete;
      expect(await axeViolations(el)).to.deep.equal([]);
    });
  }
});
