import {
  AddTrackRequest,
  SignalRequest,
  SignalResponse,
  TrackSource,
  TrackType,
  UpdateParticipantMetadata,
  type JoinResponse,
} from '@livekit/protocol';
import { expect } from 'vitest';
import WebSocket from 'ws';

/**
 * A signalling-only LiveKit participant: it joins over the real SFU's WebSocket and asks to publish,
 * without any media. Enough to see what the SFU itself allows a token to do.
 */
export class SignalClient {
  private readonly messages: SignalResponse[] = [];
  private waiters: Array<() => void> = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      this.messages.push(SignalResponse.fromBinary(new Uint8Array(data)));
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static async connect(wsUrl: string, token: string): Promise<{ client: SignalClient; join: JoinResponse }> {
    const ws = new WebSocket(`${wsUrl}/rtc?access_token=${encodeURIComponent(token)}&auto_subscribe=1&sdk=js&version=2.23.0&protocol=16`);
    const client = new SignalClient(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`SFU refused the connection: HTTP ${res.statusCode}`)));
    });
    const join = await client.next(0, (m) => (m.message.case === 'join' ? m.message.value : undefined), 5000);
    return { client, join };
  }

  /** Asks to publish a track of the given source; resolves with what the SFU answered. */
  async requestPublish(source: 'microphone' | 'camera' | 'screen_share' = 'microphone'): Promise<'published' | 'refused' | 'no answer'> {
    const cid = `${source}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const track =
      source === 'camera'
        ? { cid, name: 'camera', type: TrackType.VIDEO, source: TrackSource.CAMERA, width: 640, height: 480 }
        : source === 'screen_share'
          ? { cid, name: 'screen', type: TrackType.VIDEO, source: TrackSource.SCREEN_SHARE, width: 1280, height: 720 }
          : { cid, name: 'microphone', type: TrackType.AUDIO, source: TrackSource.MICROPHONE };
    const request = new SignalRequest({ message: { case: 'addTrack', value: new AddTrackRequest(track) } });
    const from = this.messages.length;
    this.ws.send(request.toBinary());
    try {
      return await this.next(from, (m) => {
        if (m.message.case === 'trackPublished' && m.message.value.cid === cid) return 'published' as const;
        if (m.message.case === 'requestResponse' && m.message.value.reason !== 0) return 'refused' as const;
        if (m.message.case === 'leave') return 'refused' as const;
        return undefined;
      }, 3000);
    } catch {
      return 'no answer';
    }
  }

  /**
   * Updates this participant's own attributes (and name, when given), as livekit-client's `setAttributes` /
   * `setName` do; resolves with what the SFU answered.
   */
  async updateOwn(update: { attributes?: Record<string, string>; name?: string }): Promise<'ok' | 'refused' | 'no answer'> {
    const requestId = Math.floor(Math.random() * 1_000_000) + 1;
    const value = new UpdateParticipantMetadata({ requestId, attributes: update.attributes ?? {}, name: update.name ?? '' });
    const from = this.messages.length;
    this.ws.send(new SignalRequest({ message: { case: 'updateMetadata', value } }).toBinary());
    try {
      return await this.next(from, (m) => {
        if (m.message.case !== 'requestResponse' || m.message.value.requestId !== requestId) return undefined;
        return m.message.value.reason === 0 ? ('ok' as const) : ('refused' as const);
      }, 3000);
    } catch {
      return 'no answer';
    }
  }

  /** The first message so far or within `timeoutMs` that `pick` recognises (rejects on timeout). */
  waitFor<T>(pick: (m: SignalResponse) => T | undefined, timeoutMs = 5000): Promise<T> {
    return this.next(0, pick, timeoutMs);
  }

  close(): void {
    this.ws.close();
  }

  /** The first message from index `seen` on that `pick` recognises. */
  private async next<T>(seen: number, pick: (m: SignalResponse) => T | undefined, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (; seen < this.messages.length; seen++) {
        const found = pick(this.messages[seen]!);
        if (found !== undefined) return found;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for a signal message');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/**
 * The SFU's verdict on a webinar's two kinds of token: the audience's join has no publish permission and its
 * microphone is refused, the speaker's microphone is published. Both clients are closed afterwards.
 */
export async function expectAudienceRefusedSpeakerPublishes(wsUrl: string, audienceToken: string, speakerToken: string): Promise<void> {
  const a = await SignalClient.connect(wsUrl, audienceToken);
  const s = await SignalClient.connect(wsUrl, speakerToken);
  try {
    expect(a.join.participant?.permission?.canPublish).toBe(false);
    expect(await a.client.requestPublish('microphone')).toBe('refused');
    expect(await s.client.requestPublish('microphone')).toBe('published');
  } finally {
    a.client.close();
    s.client.close();
  }
}
