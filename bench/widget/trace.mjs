// BENCH_TRACE=1: both participants' pages also get trace-probe.js, and every round's timeline (signalling messages
// decoded, offers/answers, ICE/DTLS states, simulcast layers switched by dynacast, keyframes/PLI, first frames) is
// written to test-results/bench-widget-trace.txt, in ms after the click. For diagnosis; it adds work to the pages.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TRACE = process.env.BENCH_TRACE === '1';
export const TRACE_PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'trace-probe.js');
/** @type {string[]} */
const traceRounds = [];

let protocol;
/** One line per signalling message: its case and what matters for the first frame. */
function decodeSignal(dir, b64) {
  const bytes = Buffer.from(b64, 'base64');
  let msg;
  try {
    msg = (dir === 'in' ? protocol.SignalResponse : protocol.SignalRequest).fromBinary(bytes).message;
  } catch (e) {
    return `${dir} ? (${bytes.length} B)`;
  }
  const v = msg.value;
  switch (msg.case) {
    case 'trickle':
      return null;
    case 'offer':
    case 'answer':
      return `${msg.case} id=${v.id ?? ''} ${(v.sdp.match(/\r?\nm=\w+/g) ?? []).length} m-sections`;
    case 'addTrack':
      return `addTrack ${v.type === 1 ? 'video' : 'audio'} source=${v.source} ${v.width ? v.width + 'x' + v.height : ''} layers=${v.layers?.length ?? 0}`;
    case 'trackPublished':
      return `trackPublished ${v.track?.type === 1 ? 'video' : 'audio'} ${v.track?.sid}`;
    case 'subscribedQualityUpdate':
      return `subscribedQualityUpdate ${v.trackSid} ${(v.subscribedCodecs?.[0]?.qualities ?? v.subscribedQualities ?? []).map((q) => `${q.quality}:${q.enabled ? 'on' : 'off'}`).join(' ')}`;
    case 'update':
      return `update ${v.participants.map((p) => `${p.identity}(${p.state}, ${p.tracks.length} tracks)`).join(' ')}`;
    case 'join':
      return `join (subscriberPrimary=${v.subscriberPrimary} fastPublish=${v.fastPublish})`;
    case 'mediaSectionsRequirement':
      return `mediaSectionsRequirement audio=${v.numAudios} video=${v.numVideos}`;
    case 'streamStateUpdate':
      return `streamStateUpdate ${v.streamStates.map((x) => `${x.participantSid}/${x.trackSid}:${x.state}`).join(' ')}`;
    case 'subscriptionPermissionUpdate':
    case 'connectionQuality':
    case 'speakersChanged':
    case 'pong':
    case 'pongResp':
    case 'ping':
    case 'pingReq':
      return null;
    default:
      return msg.case ?? `(empty ${bytes.length} B)`;
  }
}

/** Adds the round's merged timeline (host = A, measured guest = B), in ms after the click (`click`: epoch ms). */
export async function collectTrace(label, ms, click, a, b) {
  protocol ??= await import('@livekit/protocol');
  /** @type {[number, string][]} */
  const lines = [];
  for (const [who, page] of [['A', a], ['B', b]]) {
    const events = await page.evaluate(() => window.__trace ?? []).catch(() => []);
    for (const e of events) {
      const dt = e.t - click;
      if (dt < (who === 'A' ? -5000 : -300)) continue;
      let text;
      if (e.kind === 'ws-in' || e.kind === 'ws-out') {
        text = decodeSignal(e.kind === 'ws-in' ? 'in' : 'out', e.b64);
        if (text == null) continue;
        text = `${e.kind === 'ws-in' ? 'signal ←' : 'signal →'} ${text}`;
      } else {
        const { t, kind, ...rest } = e;
        text = `${kind} ${Object.entries(rest).map(([k, v]) => `${k}=${v}`).join(' ')}`;
      }
      lines.push([dt, `${who} ${text}`]);
    }
  }
  lines.sort((x, y) => x[0] - y[0]);
  traceRounds.push(`=== ${label}: ${ms.toFixed(0)} ms ===\n${lines.map(([t, l]) => `${t.toFixed(0).padStart(6)} ${l}`).join('\n')}`);
}

/** Every round collected, for test-results/bench-widget-trace.txt. */
export function traceText() {
  return traceRounds.join('\n\n') + '\n';
}
