import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/kit/index.mjs';

/**
 * A real LiveKit participant: livekit-client (the widget's own copy, its UMD build) in headless Chromium (the kit's
 * Debian Chromium with fake devices), connected to the real SFU over WebRTC. Unlike the signalling-only SignalClient
 * it receives data packets (they travel on the WebRTC data channel) and publishes a real (fake-device) microphone.
 */
const LIVEKIT_UMD = createRequire(import.meta.url).resolve('livekit-client/dist/livekit-client.umd.js');
// Intercepted by the page's route (never on the network); localhost is a secure context, so getUserMedia works.
const PAGE_URL = 'http://localhost/participant.html';

export interface ReceivedData {
  topic: string | null;
  text: string;
  /** The sending participant's identity; null for a packet from the server (RoomService.SendData). */
  from: string | null;
}

export class BrowserParticipant {
  private constructor(private readonly page: Page) {}

  static launch(): Promise<Browser> {
    return launchChromium();
  }

  /** A new page in `browser` connected to the room with `token` (rejects when the SFU refuses it). */
  static async connect(browser: Browser, wsUrl: string, token: string): Promise<BrowserParticipant> {
    const page = await browser.newPage();
    await page.route(PAGE_URL, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>participant</title>' }));
    await page.goto(PAGE_URL);
    await page.addScriptTag({ path: LIVEKIT_UMD });
    await page.evaluate(
      async ({ wsUrl, token }) => {
        const LK = (globalThis as any).LivekitClient;
        const room = new LK.Room();
        const w = globalThis as any;
        w.received = [];
        room.on(LK.RoomEvent.DataReceived, (payload: Uint8Array, participant: any, _kind: unknown, topic: string | undefined) => {
          w.received.push({ topic: topic ?? null, text: new TextDecoder().decode(payload), from: participant?.identity ?? null });
        });
        await room.connect(wsUrl, token);
        w.room = room;
      },
      { wsUrl, token },
    );
    return new BrowserParticipant(page);
  }

  /** The data packets received so far, oldest first. */
  received(): Promise<ReceivedData[]> {
    return this.page.evaluate(() => (globalThis as any).received as ReceivedData[]);
  }

  /** Waits until the received packets satisfy `ok`; returns them (whatever arrived when the time is up). */
  async waitForData(ok: (packets: ReceivedData[]) => boolean, timeoutMs = 10_000): Promise<ReceivedData[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const packets = await this.received();
      if (ok(packets) || Date.now() > deadline) return packets;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** What the SFU last told this participant it may do (livekit-client's `localParticipant.permissions`). */
  canPublish(): Promise<boolean | undefined> {
    return this.page.evaluate(() => (globalThis as any).room.localParticipant.permissions?.canPublish as boolean | undefined);
  }

  /** Publishes the (fake) microphone; resolves 'published' or the error's message. */
  publishMicrophone(): Promise<string> {
    return this.page.evaluate(async () => {
      try {
        await (globalThis as any).room.localParticipant.setMicrophoneEnabled(true);
        return 'published';
      } catch (err) {
        return String((err as Error)?.message ?? err);
      }
    });
  }

  async close(): Promise<void> {
    await this.page.evaluate(() => (globalThis as any).room?.disconnect()).catch(() => undefined);
    await this.page.close().catch(() => undefined);
  }
}
