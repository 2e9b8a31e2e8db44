import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './room.js';
import type { UrbaniaRoom } from './room.component.js';
import { axeViolations, waitFor } from '../../test/helpers.js';
import type { CallState } from '../../core/call-session.js';
import { FakeSession, connected, person } from '../../test/fake-session.js';
import { CallStats } from '../../core/call-stats.js';
import { ChatLog } from '../../core/chat.js';
import type { DevicesState } from '../../core/devices.js';

/** Only us, in a room without a name. */
const call = (over: Partial<CallState> = {}): CallState =>
  connected([person('me', { isLocal: true })], { roomName: undefined, localIdentity: undefined, ...over });

function devices(over: Partial<DevicesState> = {}) {
  const s: DevicesState = {
    live: true,
    lists: { audioinput: [{ deviceId: 'default', label: 'Mic' }], videoinput: [{ deviceId: 'cam-1', label: 'Front' }, { deviceId: 'cam-2', label: 'Back' }], audiooutput: [{ deviceId: 'default', label: 'Speaker' }] },
    active: { audioinput: 'default', videoinput: 'cam-1', audiooutput: '' }, allowed: { audioinput: true, videoinput: true, audiooutput: true },
    ...over,
  };
  return { state: s, subscribe: (fn: (x: DevicesState) => void) => { fn(s); return () => {}; } };
}

const q = <T extends Element = HTMLElement>(el: Element, s: string) => el.shadowRoot!.querySelector<T>(s);

describe('<urbania-room>: connection quality, device menus, statistics panel', () => {
  it('each tile with a known quality shows signal bars named for screen readers; unknown shows none', async () => {
    const el = await fixture<UrbaniaRoom>(html`<urbania-room locale="en" .session=${new FakeSession(call({
      participants: [person('me', { isLocal: true, quality: 'excellent' }), person('bob', { quality: 'poor' }), person('carol', { quality: 'unknown' })],
    }))}></urbania-room>`);
    const mark = (id: string) => q(el, `[part="tile"][data-identity="${id}"] [part="connection-quality"]`);
    expect(mark('me')!.getAttribute('aria-label')).to.equal('Excellent connection');
    expect(mark('bob')!.getAttribute('role')).to.equal('img');
    expect(mark('bob')!.getAttribute('aria-label')).to.equal('Poor connection');
    expect(mark('bob')!.querySelectorAll('rect.on')).to.have.length(1);
    expect(mark('carol')).to.equal(null);
    expect(await axeViolations(el)).to.deep.equal([]);
  });

  it('a chevron beside the microphone and one beside the camera; an audio room has no camera menu; a pick becomes room-device', async () => {
    const el = await fixture<UrbaniaRoom>(html`<urbania-room .session=${new FakeSession(call())} .devices=${devices()}></urbania-room>`);
    const menus = [...el.shadowRoot!.querySelectorAll('urbania-device-menu')];
    expect(menus.map((m) => m.getAttribute('group'))).to.deep.equal(['audio', 'video']);
    expect(menus[0]!.previousElementSibling?.getAttribute('part')).to.equal('mic-toggle');
    expect(menus[1]!.previousElementSibling?.getAttribute('part')).to.equal('camera-toggle');
    q(menus[1]!, '[part="device-menu-toggle"]')!.click();
    await (menus[1] as unknown as UrbaniaRoom).updateComplete;
    const picked = oneEvent(el, 'room-device');
    [...menus[1]!.shadowRoot!.querySelectorAll<HTMLElement>('[part="device-option"]')].find((o) => o.dataset['deviceId'] === 'cam-2')!.click();
    expect((await picked).detail).to.deep.equal({ kind: 'videoinput', deviceId: 'cam-2' });

    const audio = await fixture<UrbaniaRoom>(html`<urbania-room .session=${new FakeSession(call({ callType: 'audio' }))}
      .devices=${devices({ allowed: { audioinput: true, videoinput: false, audiooutput: true } })}></urbania-room>`);
    const audioMenus = [...audio.shadowRoot!.querySelectorAll('urbania-device-menu')];
    expect(audioMenus.map((m) => m.getAttribute('group'))).to.deep.equal(['audio']);
    expect(q(audio, '[part="camera-toggle"]')).to.equal(null);
  });

  it('the statistics toggle opens the panel (closing the chat), polls only while open, and Escape returns to the toggle', async () => {
    let polls = 0;
    const stats = new CallStats(() => { polls++; return []; }, { intervalMs: 20 });
    const chat = new ChatLog();
    const el = await fixture<UrbaniaRoom>(html`<urbania-room locale="en" .session=${new FakeSession(call())} .stats=${stats} .chat=${chat}></urbania-room>`);
    await new Promise((r) => setTimeout(r, 60));
    expect(polls).to.equal(0);
    chat.setOpen(true);
    await el.updateComplete;
    const toggle = q<HTMLButtonElement>(el, '[part="stats-toggle"]')!;
    expect(toggle.getAttribute('aria-label')).to.equal('Connection statistics');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    const panel = await waitFor(() => q(el, 'urbania-stats-panel'), 2000, 'panel');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(chat.state.open).to.equal(false);
    await waitFor(() => polls >= 2, 2000, 'polling');
    expect(await axeViolations(el)).to.deep.equal([]);
    await waitFor(() => panel.shadowRoot!.activeElement?.getAttribute('part') === 'stats-close', 2000, 'focus on close');
    panel.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitFor(() => !q(el, 'urbania-stats-panel'), 2000, 'closed');
    await waitFor(() => el.shadowRoot!.activeElement === toggle, 2000, 'focus back on the toggle');
    const after = polls;
    await new Promise((r) => setTimeout(r, 80));
    expect(polls).to.equal(after);
  });
});
