import type { SfuGateway } from '../../src/livekit.js';
import type { PresenceEntry } from '../../src/model.js';

/**
 * An SFU that accepts every room and mints a recognisable fake token, for tests about the store and the HTTP
 * layer where the SFU plays no part (the real LiveKit server is tested in livekit.test.ts and app.test.ts).
 */
export class AcceptingSfu implements SfuGateway {
  readonly publicUrl = 'ws://127.0.0.1:7880';
  async ensureRoom(): Promise<void> {}
  roomFinished(): void {}
  async isRoomLive(): Promise<boolean> {
    return false;
  }
  async deleteRoom(): Promise<void> {}
  async removeParticipant(): Promise<void> {}
  async setParticipantAttributes(): Promise<boolean> {
    return true;
  }
  async listParticipants(): Promise<PresenceEntry[]> {
    return [];
  }
  async mintToken(params: { roomName: string; identity: string }): Promise<string> {
    return `fake-livekit-token:${params.roomName}:${params.identity}`;
  }
  async receiveWebhook(): Promise<never> {
    throw new Error('no webhooks in this test');
  }
  async getParticipant(): Promise<null> {
    return null;
  }
  async muteTrack(): Promise<boolean> {
    return false;
  }
  async updatePermissions(): Promise<boolean> {
    return false;
  }
  async ping(): Promise<void> {}
}
