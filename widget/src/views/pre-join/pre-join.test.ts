import { expect, fixture, html, oneEvent, aTimeout } from '@open-wc/testing';
import './pre-join.js';
import type { UrbaniaPreJoin } from './pre-join.component.js';
import { axeViolations, waitFor } from '../../test/helpers.js';
import { STORAGE_KEY } from '../../core/user-choices.js';

const contacts = [{ id: 'bob', name: 'Bob Dupont' }, { id: 'carol', name: 'Carole Lefèvre' }];
const q = <T extends Element>(el: UrbaniaPreJoin, s: string) => el.shadowRoot!.querySelector<T>(s);

describe('<urbania-pre-join>', () => {
  beforeEach(() => localStorage.removeItem(STORAGE_KEY));

  it('renders every field, one contact label per contact', async () => {
    const el = await fixture<UrbaniaPreJoin>(html`<urbania-pre-join no-preview .contacts=${contacts}></urbania-pre-join>`);
    expect(q(el, '[part="room-name-input"]')).to.exist;
    expect(q(el, '[part="display-name-input"]')).to.exist;
    expect(q(el, '[part="call-type-select"]')).to.exist;
    expect(q(el, '[part="mic-level"]')).to.exist;
    expect(q(el, '[part="preview"]')).to.exist;
    expect([...el.shadowRoot!.querySelectorAll('[part="contact"]')].map((c) => c.textContent!.trim())).to.deep.equal(['Bob Dupont', 'Carole Lefèvre']);
    expect(q(el, '[part="start-button"]')!.textContent!.trim()).to.equal("Démarrer l'appel");
  });

  it('says so when there are no contacts, in both languages', async () => {
    const el = await fixture<UrbaniaPreJoin>(html`<urbania-pre-join no-preview></urbania-pre-join>`);
    expect(el.shadowRoot!.textContent).to.contain('Aucun contact.');
    el.locale = 'en';
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('No contacts.');
    expect(q(el, '[part="start-button"]')!.textContent!.trim()).to.equal('Start call');
  });

  it('submits the choices; webinar speakers only among picked contacts', async () => {
    const el = await fixture<UrbaniaPreJoin>(html`<urbania-pre-join no-preview .contacts=${contacts} .roomName=${'prefilled'}></urbania-pre-join>`);
    expect(q<HTMLInputElement>(el, '[part="room-name-input"]')!.value).to.equal('prefilled');
    const select = q<HTMLSelectElement>(el, '[part="call-type-select"]')!;
    select.value = 'webinar';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(q(el, '[part="speaker"]')).to.equal(null);
    q<HTMLInputElement>(el, '[part="contact"][data-id="bob"] input')!.click();
    await el.updateComplete;
    q<HTMLInputElement>(el, '[part="speaker"][data-id="bob"] input')!.click();
    const name = q<HTMLInputElement>(el, '[part="display-name-input"]')!;
    name.value = '  Alice  ';
    name.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const submitted = oneEvent(el, 'prejoin-submit');
    q<HTMLButtonElement>(el, '[part="start-button"]')!.click();
    const { detail } = await submitted;
    expect(detail).to.deep.include({ roomName: 'prefilled', callType: 'webinar', displayName: 'Alice' });
    expect(detail.participants).to.deep.equal(['bob']);
    expect(detail.speakers).to.deep.equal(['bob']);
  });

  it('audio: no preview, no camera select, videoEnabled false in the submission', async () => {
    const el = await fixture<UrbaniaPreJoin>(html`<urbania-pre-join no-preview .callType=${'audio'}></urbania-pre-join>`);
    expect(q(el, '[part="preview"]')).to.equal(null);
    expect(q(el, '[part="videoinput-select"]')).to.equal(null);
    expect(q(el, '[part="audioinput-select"]')).to.exist;
    const submitted = oneEvent(el, 'prejoin-submit');
    q<HTMLButtonElement>(el, '[part="start-button"]')!.click();
    expect((await submitted).detail).to.deep.include({ callType: 'audio', videoEnabled: false });
  });

  it('joining without camera stays possible (camera unticked)', async () => {
    const el = await fixture<UrbaniaPreJoin>(html`<urbania-pre-join no-preview></urbania-pre-join>`);
    q<HTMLInputElement>(el, '[part="preview-camera-toggle"]')!.click();
    await el.updateComplete;
    const submitted = oneEvent(el, 'prejoin-submit');
    q<HTMLButtonElement>(el, '[part="start-button"]')!.click();
    expect((await submitted).detail).to.deep.include({ videoEnabled: false, audioEnabled: true });
  });

  it('shows a camera problem in plain words (device not found) and reports it', async () => {
    const el = await fixture<UrbaniaPreJoin>(html`<urbania-pre-join .contacts=${contacts}></urbania-pre-join>`);
    await aTimeout(0);
    // Pick a camera that does not exist: the preview fails for the camera only.
    const errored = oneEvent(el, 'prejoin-media-error');
    (el as unknown as { videoDeviceId: string }).videoDeviceId = 'no-such-camera';
    const md = navigator.mediaDevices;
    const original = md.getUserMedia.bind(md);
    md.getUserMedia = async (c?: MediaStreamConstraints) => {
      if (c?.video) throw Object.assign(new Error('Requested device not found'), { name: 'NotFoundError' });
      return original(c);
    };
    try {
      el.requestUpdate();
      const e = await errored;
      expect(e.detail).to.deep.equal({ kind: 'camera', code: 'no_device' });
      await waitFor(() => q(el, '[part="media-error"]'), 3000, 'media error');
      expect(q(el, '[part="media-error"]')!.textContent!.trim()).to.equal('Appareil introuvable (caméra). Vous pouvez rejoindre sans.');
      expect(q<HTMLButtonElement>(el, '[part="start-button"]')!.disabled).to.equal(false);
    } finally {
      md.getUserMedia = original;
      el.remove();
    }
  });

  for (const locale of ['fr', 'en'] as const) {
    it(`has no axe violations (${locale}, webinar with a picked contact)`, async () => {
      const el = await fixture<UrbaniaPreJoin>(html`<urbania-pre-join no-preview .locale=${locale} .contacts=${contacts}></urbania-pre-join>`);
      const select = q<HTMLSelectElement>(el, '[part="call-type-select"]')!;
      select.value = 'webinar';
      select.dispatchEvent(new Event('change'));
      q<HTMLInputElement>(el, '[part="contact"][data-id="bob"] input')!.click();
      await el.updateComplete;
      expect(await axeViolations(el)).to.deep.equal([]);
    });
  }
});
