// The other participants of the crowd benchmark: one livekit-client Room per participant in this one page, each
// publishing the fake camera (320×180, one layer) and the fake microphone (Chromium's beep: they all "talk").
// Every connection attempt is logged in `window.crowdLog` (time taken, error), which crowd.mjs prints.
import { Room, VideoPresets } from '/lib/livekit-client.esm.mjs';

const state = document.getElementById('state');
window.crowdRooms = [];
/** @type {{ identity: number, attempt: number, ms: number, ok: boolean, error?: string }[]} */
window.crowdLog = [];
/** Reconnections of the joined Rooms: [ms, index, event, sid]. A full reconnect leaves and rejoins with a new sid. */
window.crowdEvents = [];

/**
 * @param {{ url: string, tokens: string[], attempts?: number, failFirst?: number[] }} options
 * `failFirst`: indexes whose first attempt is made to time out after the SFU has accepted the join (a 1 ms
 * peer-connection timeout), to reproduce a retried connection on purpose. `subscribe`: receive each other's media
 * (diagnosis only; see below).
 */
window.joinCrowd = async ({ url, tokens, attempts = 2, failFirst = [], subscribe = false }) => {
  // Small and single-layer: their encoders share the 2 cores with the page measured.
  const connect = async (token, index, attempt) => {
    const room = new Room({
      adaptiveStream: false,
      dynacast: true,
      videoCaptureDefaults: { resolution: VideoPresets.h180.resolution },
      publishDefaults: { simulcast: false },
    });
    const t0 = performance.now();
    const entry = { index, attempt, ms: 0, ok: false };
    window.crowdLog.push(entry);
    try {
      const forced = attempt === 1 && failFirst.includes(index);
      // autoSubscribe off: they need nobody's media. With it, this page decoded 8 × 7 videos of its own on the
      // 2 shared cores, and its connections timed out and fell into full reconnects (new sid) mid-measurement.
      await room.connect(url, token, { autoSubscribe: subscribe, ...(forced ? { peerConnectionTimeout: 1 } : {}) });
      entry.ok = true;
      return room;
    } catch (err) {
      entry.error = String(err?.message ?? err);
      await room.disconnect().catch(() => {}); // nothing of a failed attempt stays open in this page
      throw err;
    } finally {
      entry.ms = Math.round(performance.now() - t0);
    }
  };
  const failed = [];
  for (const [index, token] of tokens.entries()) {
    let room;
    for (let attempt = 1; attempt <= attempts && !room; attempt++) room = await connect(token, index, attempt).catch(() => undefined);
    if (!room) {
      failed.push(index);
      continue;
    }
    for (const ev of ['reconnecting', 'signalReconnecting', 'reconnected', 'disconnected'])
      room.on(ev, () => window.crowdEvents.push([Math.round(performance.now()), index, ev, room.localParticipant.sid]));
    try {
      await room.localParticipant.enableCameraAndMicrophone();
    } catch (err) {
      window.crowdLog.push({ index, attempt: 0, ms: 0, ok: false, error: `publishing: ${err?.message ?? err}` });
    }
    window.crowdRooms.push(room);
    state.textContent = `${window.crowdRooms.length} connected`;
  }
  return { joined: window.crowdRooms.length, failed, log: window.crowdLog, events: window.crowdEvents };
};
