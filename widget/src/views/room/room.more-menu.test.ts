import { expect, fixture, html } from '@open-wc/testing';
import './room.js';
import type { UrbaniaRoom } from './room.component.js';
import { axeViolations, roomInfo, waitFor } from '../../test/helpers.js';
import { StageControl } from '../../core/speaker-focus.js';
import { HostControls } from '../../core/host-controls.js';
import { ServiceClient } from '../../core/service-client.js';
import { FakeSession, connected, person } from '../../test/fake-session.js';

/** Alice hosts (she created the room, roomInfo()); nothing reaches a service here. */
function hosting(): HostControls {
  const fetch = (async () => new Response(JSON.stringify(roomInfo()), { status: 200 })) as typeof globalThis.fetch;
  const controls = new HostControls(() => new ServiceClient({ baseUrl: 'http://svc.test', authToken: 'jwt', fetch }));
  controls.attach('r1', 'alice', roomInfo({ room_name: 'r1' }));
  return controls;
}

const q = <T extends HTMLElement = HTMLElement>(el: UrbaniaRoom, s: string) => el.shadowRoot!.querySelector<T>(s);
const parts = (root: ParentNode) => [...root.querySelectorAll(':scope > [part]')].map((b) => b.getAttribute('part'));
const focused = (el: UrbaniaRoom) => el.shadowRoot!.activeElement?.getAttribute('part');
const key = (target: Element, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));

/** A host in a video call, with the layout and PiP toggles, in a box `width` px wide. */
async function room(width: number, locale: 'fr' | 'en' = 'en') {
  const session = new FakeSession(connected([person('alice', { isLocal: true, name: 'Alice Martin' }), person('bob', { name: 'Bob Dupont' })], { canScreenShare: true }));
  const box = await fixture<HTMLDivElement>(html`<div style="width:${width}px;height:700px;display:flex">
    <urbania-room style="flex:1" .locale=${locale} .roomName=${'r1'} .session=${session} .stage=${new StageControl()}
      .pip=${{ available: true, open: false }} .hostControls=${hosting()} host></urbania-room></div>`);
  const el = box.querySelector('urbania-room') as UrbaniaRoom;
  await waitFor(() => q(el, '[part="end-call-button"]') || q(el, '[part="more-button"]'), 3000, 'the host controls');
  return { el, session, box };
}

const narrowRoom = async (locale: 'fr' | 'en' = 'en') => {
  const r = await room(360, locale);
  await waitFor(() => q(r.el, '[part="more-button"]'), 3000, 'the "More options" button');
  return r;
};

describe('<urbania-room> narrow control bar: "More options"', () => {
  it('at 360 px keeps the primary actions in one row and puts the others in the menu', async () => {
    const { el } = await narrowRoom();
    const bar = q(el, '[part="controls"]')!;
    expect(parts(bar)).to.deep.equal(['mic-toggle', 'camera-toggle', 'screen-share-toggle', 'hand-toggle', 'people-toggle', 'more-button', 'leave-button']);
    // One row: every button of the bar on the same line, and nothing sticks out of the bar.
    const tops = new Set([...bar.querySelectorAll(':scope > button')].map((b) => Math.round(b.getBoundingClientRect().top)));
    expect(tops.size).to.equal(1);
    expect(bar.scrollWidth).to.be.at.most(bar.clientWidth);
    const more = q(el, '[part="more-button"]')!;
    expect(more.getAttribute('aria-haspopup')).to.equal('menu');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(more.getAttribute('aria-label')).to.equal('More options');
    expect(q(el, '[part="more-menu"]')).to.equal(null);

    more.click();
    await el.updateComplete;
    const menu = q(el, '[part="more-menu"]')!;
    expect(menu.getAttribute('role')).to.equal('menu');
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    const items = [...menu.querySelectorAll('button')];
    expect(items.map((i) => [i.getAttribute('part'), i.getAttribute('role'), i.textContent!.trim()])).to.deep.equal([
      ['layout-toggle', 'menuitemcheckbox', 'Speaker view'],
      ['pip-toggle', 'menuitemcheckbox', 'Floating window'],
      ['invites-toggle', 'menuitem', 'Invite people'],
      ['end-call-button', 'menuitem', 'End for everyone'],
    ]);
    expect(items[0]!.getAttribute('aria-checked')).to.equal('false');
    expect(items[2]!.getAttribute('aria-expanded')).to.equal('false');
  });

  it('arrow keys move through the items; Escape closes and returns the focus to the button; a click outside closes', async () => {
    const { el } = await narrowRoom();
    const more = q(el, '[part="more-button"]')!;
    more.focus();
    key(more, 'ArrowDown');
    await el.updateComplete;
    await waitFor(() => focused(el) === 'layout-toggle', 2000, 'the first item focused');
    key(el.shadowRoot!.activeElement!, 'ArrowDown');
    expect(focused(el)).to.equal('pip-toggle');
    key(el.shadowRoot!.activeElement!, 'End');
    expect(focused(el)).to.equal('end-call-button');
    key(el.shadowRoot!.activeElement!, 'ArrowDown');
    expect(focused(el)).to.equal('layout-toggle');
    key(el.shadowRoot!.activeElement!, 'ArrowUp');
    expect(focused(el)).to.equal('end-call-button');
    key(el.shadowRoot!.activeElement!, 'Escape');
    await el.updateComplete;
    expect(q(el, '[part="more-menu"]')).to.equal(null);
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(focused(el)).to.equal('more-button');

    more.click();
    await el.updateComplete;
    expect(q(el, '[part="more-menu"]')).to.exist;
    q(el, '[part="stage"]')!.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(q(el, '[part="more-menu"]')).to.equal(null);
  });

  it('an item runs the bar button\'s own action and shows its state', async () => {
    const { el } = await narrowRoom();
    const asked: boolean[] = [];
    el.addEventListener('room-pip', (e) => asked.push(e.detail));
    const open = async () => { q(el, '[part="more-button"]')!.click(); await el.updateComplete; };
    await open();
    q(el, '[part="more-menu"] [part="pip-toggle"]')!.click();
    await el.updateComplete;
    expect(asked).to.deep.equal([true]);
    expect(q(el, '[part="more-menu"]')).to.equal(null);
    expect(focused(el)).to.equal('more-button');
    // The layout item switches to the speaker view, and says so when the menu opens again.
    await open();
    q(el, '[part="more-menu"] [part="layout-toggle"]')!.click();
    await el.updateComplete;
    expect(q(el, '[part="stage"]')!.getAttribute('data-mode')).to.equal('speaker');
    await open();
    expect(q(el, '[part="more-menu"] [part="layout-toggle"]')!.getAttribute('aria-checked')).to.equal('true');
    // "End for everyone" asks first; cancelling returns to the menu's button (its bar button is not there).
    q(el, '[part="more-menu"] [part="end-call-button"]')!.click();
    await waitFor(() => q(el, '[part="end-call-dialog"]'), 2000, 'the confirmation');
    q(el, '[part="end-call-cancel"]')!.click();
    await waitFor(() => focused(el) === 'more-button', 2000, 'the focus back on "More options"');
  });

  it('wide, nothing changes: every control in the bar, no menu', async () => {
    const { el } = await room(1100);
    const bar = q(el, '[part="controls"]')!;
    expect(parts(bar)).to.deep.equal(['mic-toggle', 'camera-toggle', 'screen-share-toggle', 'layout-toggle', 'pip-toggle', 'hand-toggle',
      'people-toggle', 'invites-toggle', 'leave-button', 'end-call-button']);
    expect(bar.hasAttribute('data-narrow')).to.equal(false);
  });

  for (const locale of ['fr', 'en'] as const) {
    it(`has no axe violations with the menu open (${locale})`, async () => {
      const { el } = await narrowRoom(locale);
      q(el, '[part="more-button"]')!.click();
      await el.updateComplete;
      expect(q(el, '[part="more-button"]')!.getAttribute('aria-label')).to.equal(locale === 'fr' ? 'Plus d’options' : 'More options');
      expect(await axeViolations(el)).to.deep.equal([]);
    });
  }
});
