import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './device-menu.js';
import { checkedDevice, menuKinds, type UrbaniaDeviceMenu } from './device-menu.component.js';
import type { DevicesState } from '../../core/devices.js';
import { axeViolations } from '../../test/helpers.js';

const state = (over: Partial<DevicesState> = {}): DevicesState => ({
  live: true,
  lists: {
    audioinput: [{ deviceId: 'default', label: 'Default mic' }, { deviceId: 'mic-2', label: 'USB mic' }],
    videoinput: [{ deviceId: 'cam-1', label: 'Front' }, { deviceId: 'cam-2', label: '' }],
    audiooutput: [{ deviceId: 'default', label: 'Default speaker' }, { deviceId: 'spk-2', label: 'Headset' }],
  },
  active: { audioinput: 'mic-2', videoinput: 'cam-1', audiooutput: '' },
  allowed: { audioinput: true, videoinput: true, audiooutput: true },
  ...over,
});

const fake = (s: DevicesState) => ({ state: s, subscribe: (fn: (x: DevicesState) => void) => { fn(s); return () => {}; } });
const q = (el: UrbaniaDeviceMenu, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const qa = (el: UrbaniaDeviceMenu, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const key = (target: HTMLElement, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));
const focused = (el: UrbaniaDeviceMenu) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('<urbania-device-menu>', () => {
  it('menuKinds / checkedDevice: allowed kinds only; the active device, else default, else the first', () => {
    expect(menuKinds('audio', state())).to.deep.equal(['audioinput', 'audiooutput']);
    expect(menuKinds('audio', state({ allowed: { audioinput: true, videoinput: false, audiooutput: false } }))).to.deep.equal(['audioinput']);
    expect(menuKinds('video', state({ allowed: { audioinput: true, videoinput: false, audiooutput: true } }))).to.deep.equal([]);
    expect(menuKinds('audio', state({ live: false }))).to.deep.equal([]);
    expect(checkedDevice(state().lists.audiooutput, '')).to.equal('default');
    expect(checkedDevice(state().lists.videoinput, 'gone')).to.equal('cam-1');
  });

  it('renders nothing when nothing can be chosen (an audio room\'s camera menu)', async () => {
    const el = await fixture<UrbaniaDeviceMenu>(html`<urbania-device-menu group="video" .devices=${fake(state({ allowed: { audioinput: true, videoinput: false, audiooutput: true } }))}></urbania-device-menu>`);
    expect(q(el, '[part="device-menu-toggle"]')).to.equal(null);
  });

  it('keyboard: opens on the checked device, arrows move, Escape returns to the chevron, Enter picks and fires device-select', async () => {
    const el = await fixture<UrbaniaDeviceMenu>(html`<urbania-device-menu group="audio" locale="en" .devices=${fake(state())}></urbania-device-menu>`);
    const toggle = q(el, '[part="device-menu-toggle"]')!;
    expect(toggle.getAttribute('aria-label')).to.equal('Choose microphone and speaker');
    expect(toggle.getAttribute('aria-haspopup')).to.equal('menu');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.focus();
    key(toggle, 'ArrowDown');
    await el.updateComplete;
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(qa(el, '[role="group"]').map((g) => g.getAttribute('aria-label'))).to.deep.equal(['Microphone', 'Speaker']);
    expect(qa(el, '[part="device-option"]').map((o) => [o.dataset['deviceId'], o.getAttribute('aria-checked')])).to.deep.equal([
      ['default', 'false'], ['mic-2', 'true'], ['default', 'true'], ['spk-2', 'false'],
    ]);
    expect(focused(el)?.dataset['deviceId']).to.equal('mic-2');
    expect(await axeViolations(el)).to.deep.equal([]);
    key(focused(el)!, 'ArrowDown');
    expect(focused(el)?.dataset['kind']).to.equal('audiooutput');
    key(focused(el)!, 'End');
    expect(focused(el)?.dataset['deviceId']).to.equal('spk-2');
    key(focused(el)!, 'ArrowDown');
    expect(focused(el)?.dataset['deviceId']).to.equal('default'); // wraps
    key(focused(el)!, 'Escape');
    await el.updateComplete;
    await el.updateComplete;
    expect(q(el, '[part="device-menu"]')).to.equal(null);
    expect(focused(el)).to.equal(toggle);

    toggle.click();
    await el.updateComplete;
    await el.updateComplete;
    const pick = oneEvent(el, 'device-select');
    const headset = qa(el, '[part="device-option"]').find((o) => o.dataset['deviceId'] === 'spk-2')!;
    headset.click();
    expect((await pick).detail).to.deep.equal({ kind: 'audiooutput', deviceId: 'spk-2' });
    await el.updateComplete;
    expect(q(el, '[part="device-menu"]')).to.equal(null);
  });

  it('a camera without a label gets a numbered name; a click elsewhere closes the menu', async () => {
    const el = await fixture<UrbaniaDeviceMenu>(html`<urbania-device-menu group="video" .devices=${fake(state())}></urbania-device-menu>`);
    q(el, '[part="device-menu-toggle"]')!.click();
    await el.updateComplete;
    expect(qa(el, '[part="device-option"]').map((o) => o.textContent!.trim())).to.deep.equal(['Front', 'Caméra 2']);
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(q(el, '[part="device-menu"]')).to.equal(null);
  });
});
