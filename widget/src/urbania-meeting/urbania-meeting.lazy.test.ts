import { expect, fixture, html } from '@open-wc/testing';
import './urbania-meeting.js';
import type { UrbaniaMeeting } from './urbania-meeting.component.js';
import { ChatError } from '../core/chat-error.js';
import { MeetingError } from '../core/flow-error.js';

async function rejection(p: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  try { await p; } catch (err) { return err as { code?: string; message?: string }; }
  throw new Error('expected a rejection');
}

describe('<urbania-meeting> before the in-call chunk loaded (pre-join)', () => {
  it('every in-call method rejects with its typed "not in a call" error, localized, and loads nothing', async () => {
    const el = await fixture<UrbaniaMeeting>(html`<urbania-meeting lang="en"></urbania-meeting>`);
    const flow = (el as unknown as { flow: { call: unknown } }).flow;
    expect(flow.call, 'the pre-join does not load the call').to.equal(undefined);
    const chat = await rejection(el.sendChatMessage('bonjour'));
    expect(chat).to.be.instanceOf(ChatError);
    expect(chat.code).to.equal('not_connected');
    for (const [name, p] of [
      ['startScreenShare', el.startScreenShare()], ['stopScreenShare', el.stopScreenShare()],
      ['setDevice', el.setDevice('videoinput', 'cam-2')], ['setLayout', el.setLayout('speaker')], ['pin', el.pin('bob')],
      ['openPictureInPicture', el.openPictureInPicture()], ['raiseHand', el.raiseHand()], ['lowerHand', el.lowerHand()],
    ] as const) {
      const err = await rejection(p);
      expect(err, name).to.be.instanceOf(MeetingError);
      expect(err.code, name).to.equal('not_in_call');
      expect(err.message, `${name}: localized`).to.not.equal('not_in_call');
    }
    expect(el.livekitRoom).to.equal(undefined);
    expect(flow.call).to.equal(undefined);
  });
});
