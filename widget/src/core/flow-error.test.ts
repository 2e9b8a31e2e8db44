import { expect } from '@open-wc/testing';
import { MeetingError, flowError, formatFlowError, mediaFlowError, toFlowError } from './flow-error.js';
import { ServiceError } from './service-client.js';
import { translator } from '../i18n/index.js';

describe('flow-error: the one error mapping', () => {
  const fr = translator('fr');
  const en = translator('en');

  it('service errors keep their code, with the service message as detail', () => {
    const e = toFlowError(new ServiceError('forbidden', 'not invited', 403));
    expect(e).to.deep.equal({ code: 'forbidden', key: 'error.forbidden', device: undefined, detail: 'not invited' });
    expect(formatFlowError(e, fr)).to.equal("Vous n'avez pas accès à cette salle.");
    expect(formatFlowError(e, en)).to.equal('You do not have access to this room.');
  });

  it('widget errors (connection to the call, validation) keep their code', () => {
    expect(toFlowError(new MeetingError('connection_failed', 'signal timeout'))).to.include({ code: 'connection_failed', key: 'error.connection_failed', detail: 'signal timeout' });
    expect(formatFlowError(flowError('room_name_invalid'), en)).to.contain('Invalid room name');
  });

  it('getUserMedia exceptions become the media code of the device, and media codes name the device', () => {
    const denied = Object.assign(new Error('denied'), { name: 'NotAllowedError' });
    const e = toFlowError(denied, 'camera');
    expect(e).to.include({ code: 'permission_denied', device: 'camera', key: 'error.permission_denied' });
    expect(formatFlowError(mediaFlowError('camera', 'no_device'), fr)).to.equal('Appareil introuvable (caméra). Vous pouvez rejoindre sans.');
    // One template for a feminine and a masculine device: no article or agreement that fits only one of them.
    expect(formatFlowError(mediaFlowError('microphone', 'device_busy'), fr)).to.equal('L’appareil (microphone) est utilisé par une autre application.');
    expect(formatFlowError(mediaFlowError('microphone', 'permission_denied'), fr)).to.not.match(/\bla microphone\b/);
    expect(formatFlowError(mediaFlowError('microphone', 'device_busy'), en)).to.equal('The microphone is being used by another application.');
  });

  it('anything else is unknown, with its text in the message; codes without their own message use error.unknown', () => {
    const e = toFlowError(new TypeError('boom'));
    expect(e).to.include({ code: 'unknown', key: 'error.unknown', detail: 'boom' });
    expect(formatFlowError(e, en)).to.equal('Something went wrong: boom');
    expect(flowError('some_new_code')).to.include({ code: 'some_new_code', key: 'error.unknown' });
    expect(formatFlowError(flowError('some_new_code'), en)).to.equal('Something went wrong: some_new_code');
  });
});
