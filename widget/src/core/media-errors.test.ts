import { expect } from '@open-wc/testing';
import { classifyMediaError, type MediaEnvironment } from './media-errors.js';

const top: MediaEnvironment = { framed: false, secure: true, policyAllows: () => true };
const err = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('media-errors', () => {
  it('denied', () => {
    expect(classifyMediaError(err('NotAllowedError'), ['camera'], top)).to.equal('permission_denied');
  });
  it('no device', () => {
    expect(classifyMediaError(err('NotFoundError'), ['camera'], top)).to.equal('no_device');
    expect(classifyMediaError(err('OverconstrainedError'), ['camera'], top)).to.equal('no_device');
  });
  it('busy', () => {
    expect(classifyMediaError(err('NotReadableError'), ['microphone'], top)).to.equal('device_busy');
  });
  it('framed without allow="camera; microphone"', () => {
    const framed: MediaEnvironment = { framed: true, secure: true, policyAllows: (f) => f !== 'camera' };
    expect(classifyMediaError(err('NotAllowedError', 'Permission denied'), ['camera'], framed)).to.equal('blocked_by_frame');
    expect(classifyMediaError(err('NotAllowedError'), ['microphone'], framed)).to.equal('permission_denied');
    const unknownPolicy: MediaEnvironment = { framed: true, secure: true, policyAllows: () => undefined };
    expect(classifyMediaError(err('NotAllowedError', 'Permission denied by permissions policy'), ['camera'], unknownPolicy)).to.equal('blocked_by_frame');
  });
  it('insecure context', () => {
    expect(classifyMediaError(err('NotAllowedError'), ['camera'], { ...top, secure: false })).to.equal('insecure_context');
  });
  it('anything else', () => {
    expect(classifyMediaError(new Error('boom'), ['camera'], top)).to.equal('media_error');
    expect(classifyMediaError(undefined, ['camera'], top)).to.equal('media_error');
  });
  it('a real getUserMedia failure (impossible constraint) is classified', async () => {
    try {
      await navigator.mediaDevices.getUserMedia({ video: { deviceId: { exact: 'no-such-camera' } } });
      expect.fail('should fail');
    } catch (e) {
      expect(classifyMediaError(e, ['camera'])).to.equal('no_device');
    }
  });
});
