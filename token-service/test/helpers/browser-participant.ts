import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../../scripts/kit/index.mjs';

/**
 * A real LiveKit participant: livekit-client (the widget's own copy, its UMD build) in headless Chromium (the kit's
 * Debian Chromium with fake devices), connected to the real SFU over WebRTC. Unlike the signalling-only SignalClient
 * it receives data packets (they travel on the WebRTC data channel) and publishes a real (fake-device) microphone.
 */
// The package's "require" export: dist/livekit-client.umd.js (the global `LivekitClient`).
const LIVEKIT_UMD = createRequire(import.meta.url).resolve('livekit-client');
const PAGE = '<!doctype html><title>participant</title><script src="/livekit-client.umd.js"></script>';

export interface ReceivedData {
  topic: string | null;
  text: string;
  /** The sending participant's identity; null for a packet from the server (RoomService.SendData). */
  from: string | null;
}

/**
 * Chromium plus the page's own loopback server (free port): a page served from loopback may reach the SFU on loopback
 * (Chromium's local network access refuses it to a page it deems public), and 127.0.0.1 is a secure context, so
 * getUserMedia works.
 */
export interface ParticipantBrowser {
  browser: Browser;
  pageUrl: string;
  close(): Promise<void>;
}

export class BrowserParticipant {
  private constructor(private readonly page: Page) {}

  static async launch(): Promise<ParticipantBrowser> {
    const script = readFileSync(LIVEKIT_UMD);
    const server: Server = createServer((req, res) => {
      if (req.url === '/livekit-client.umd.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      else res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await launchChromium();
    return {
      browser,
      pageUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/participant.html`,
      close: async () => {
        await browser.close();
        await new Promise((resolve) => server.close(resolve));
      },
    };
  }

  /** A new page connected to the room with `token` (rejects when the SFU refuses it). */
  static async connect(on: ParticipantBrowser, wsUrl: string, token: string): Promise<BrowserParticipant> {
    const page = await on.browser.newPage();
    await page.goto(on.pageUrl);
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
