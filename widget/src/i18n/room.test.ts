import { expect } from '@open-wc/testing';
import { fr } from './fr.js';
import { en } from './en.js';
import { roomFr } from './room.fr.js';
import { roomEn } from './room.en.js';
import { translator } from './room.js';
import { ERROR_CODES } from '../core/api.generated.js';

const keys = (o: object) => Object.keys(o).sort();

describe('i18n: the entry catalogue and the room catalogue', () => {
  it('French and English have the same keys, in each catalogue, and no key is in both catalogues', () => {
    expect(keys(en)).to.deep.equal(keys(fr));
    expect(keys(roomEn)).to.deep.equal(keys(roomFr));
    expect(keys(fr).filter((k) => k in roomFr)).to.deep.equal([]);
    for (const [name, cat] of [['fr', fr], ['en', en], ['room.fr', roomFr], ['room.en', roomEn]] as const) {
      for (const [k, v] of Object.entries(cat)) expect(v, `${name} ${k}`).to.be.a('string').and.not.equal('');
    }
  });

  it('the room translator has the call\'s strings and the entry\'s', () => {
    expect(translator('fr')('announce.handRaised', { name: 'Bob' })).to.equal('Bob lève la main');
    expect(translator('en')('room.leave')).to.equal(roomEn['room.leave']);
    expect(translator('en')('error.not_in_call')).to.equal(en['error.not_in_call']);
  });

  it('every error message is for a code that is still raised: the service\'s ErrorCode or one of the widget\'s own', () => {
    // The widget's own codes (MeetingError, ServiceError's client-side codes, media-errors.ts), beside the service's enum.
    const widgetCodes = [
      'network_error', 'no_auth', 'no_service_url', 'bad_response', 'unknown', 'connection_failed', 'already_in_call',
      'room_name_invalid', 'not_in_call', 'host_only', 'creator_only', 'device_kind_invalid', 'device_not_allowed', 'device_not_found',
      'device_switch_failed', 'invalid_layout', 'unknown_participant', 'pip_unsupported', 'pip_gesture_required', 'pip_failed',
      'screen_share_not_allowed', 'screen_share_denied', 'screen_share_unsupported', 'screen_share_failed', 'hand_not_allowed',
      'hand_failed', 'permission_denied', 'blocked_by_frame', 'no_device', 'device_busy', 'insecure_context', 'unsupported',
      'media_error',
    ];
    const raised = new Set<string>([...ERROR_CODES, ...widgetCodes]);
    const codes = Object.keys(fr).filter((k) => k.startsWith('error.') && k !== 'error.dismiss').map((k) => k.slice('error.'.length));
    expect(codes.filter((c) => !raised.has(c)), 'messages for codes nothing raises').to.deep.equal([]);
  });
});
