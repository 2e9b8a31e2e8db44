import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './invite.js';
import type { UrbaniaInvite } from './invite.component.js';
import { axeViolations, roomInfo } from '../../test/helpers.js';

const q = (el: UrbaniaInvite, s: string) => el.shadowRoot!.querySelector(s);
const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('<urbania-invite>', () => {
  it('shows name, creator, type and who is connected', async () => {
    const info = roomInfo({ webinar: true, connected: [{ identity: 'alice', name: 'Alice Martin' }, { identity: 'bob', name: 'Bob Dupont' }] });
    const el = await fixture<UrbaniaInvite>(html`<urbania-invite .roomName=${'equipe-lundi'} .info=${info}></urbania-invite>`);
    expect(text(q(el, '[data-field="room_name"]'))).to.equal('equipe-lundi');
    expect(text(q(el, '[data-field="created_by"]'))).to.equal('Alice Martin');
    expect(text(q(el, '[data-field="call_type"]'))).to.equal('Webinaire');
    expect([...el.shadowRoot!.querySelectorAll('[data-field="connected"] li')].map((li) => li.getAttribute('data-identity'))).to.deep.equal(['alice', 'bob']);
    expect(text(q(el, '[part="join-button"]'))).to.equal('Rejoindre maintenant');
  });

  it('English and "nobody yet"', async () => {
    const el = await fixture<UrbaniaInvite>(html`<urbania-invite locale="en" .roomName=${'r'} .info=${roomInfo()}></urbania-invite>`);
    expect(text(q(el, '[data-field="connected"]'))).to.equal('Nobody yet.');
    expect(text(q(el, '[data-field="call_type"]'))).to.equal('Video');
    expect(text(q(el, '[part="join-button"]'))).to.equal('Join now');
  });

  it('fires invite-join on click; disabled without a room', async () => {
    const el = await fixture<UrbaniaInvite>(html`<urbania-invite .roomName=${'r'}></urbania-invite>`);
    const joined = oneEvent(el, 'invite-join');
    (q(el, '[part="join-button"]') as HTMLButtonElement).click();
    await joined;
    const none = await fixture<UrbaniaInvite>(html`<urbania-invite></urbania-invite>`);
    expect((q(none, '[part="join-button"]') as HTMLButtonElement).disabled).to.equal(true);
  });

  for (const locale of ['fr', 'en'] as const) {
    it(`has no axe violations (${locale})`, async () => {
      const info = roomInfo({ connected: [{ identity: 'alice', name: 'Alice Martin' }] });
      const el = await fixture<UrbaniaInvite>(html`<urbania-invite .locale=${locale} .roomName=${'r'} .info=${info}></urbania-invite>`);
      expect(await axeViolations(el)).to.deep.equal([]);
    });
  }
});
