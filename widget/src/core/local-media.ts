/**
 * Pre-join media with plain navigator.mediaDevices (no livekit-client, so the pre-join view stays small):
 * camera preview stream, microphone level meter, device lists.
 */
import { classifyMediaError, type MediaErrorCode } from './media-errors.js';

export interface DeviceLists {
  audioinput: MediaDeviceInfo[];
  videoinput: MediaDeviceInfo[];
  audiooutput: MediaDeviceInfo[];
}

export interface PreviewRequest {
  audio: boolean;
  video: boolean;
  audioDeviceId?: string | undefined;
  videoDeviceId?: string | undefined;
}

export interface PreviewResult {
  stream?: MediaStream | undefined;
  audioError?: MediaErrorCode | undefined;
  videoError?: MediaErrorCode | undefined;
}

export async function listDevices(): Promise<DeviceLists> {
  const lists: DeviceLists = { audioinput: [], videoinput: [], audiooutput: [] };
  try {
    const devices = await navigator.mediaDevices.enumerateDevices();
    for (const d of devices) if (d.deviceId && d.kind in lists) lists[d.kind].push(d);
  } catch {
    /* no mediaDevices */
  }
  return lists;
}

export function stopStream(stream: MediaStream | undefined): void {
  stream?.getTracks().forEach((t) => { try { t.stop(); } catch { /* ignore */ } });
}

function constraint(deviceId: string | undefined): MediaTrackConstraints | true {
  return deviceId ? { deviceId: { ideal: deviceId } } : true;
}

/**
 * Ask for the requested kinds at once; when that fails, retry each kind alone so that
 * a missing camera does not also cost the microphone.
 */
export async function openPreview(req: PreviewRequest): Promise<PreviewResult> {
  if (!req.audio && !req.video) return {};
  const md = globalThis.navigator?.mediaDevices;
  if (!md?.getUserMedia) {
    return { audioError: req.audio ? 'unsupported' : undefined, videoError: req.video ? 'unsupported' : undefined };
  }
  const both: MediaStreamConstraints = {
    audio: req.audio ? constraint(req.audioDeviceId) : false,
    video: req.video ? constraint(req.videoDeviceId) : false,
  };
  try {
    return { stream: await md.getUserMedia(both) };
  } catch (err) {
    if (!(req.audio && req.video)) {
      const code = classifyMediaError(err, req.video ? ['camera'] : ['microphone']);
      return req.video ? { videoError: code } : { audioError: code };
    }
  }
  const result: PreviewResult = {};
  const stream = new MediaStream();
  try {
    (await md.getUserMedia({ audio: constraint(req.audioDeviceId) })).getTracks().forEach((t) => stream.addTrack(t));
  } catch (err) {
    result.audioError = classifyMediaError(err, ['microphone']);
  }
  try {
    (await md.getUserMedia({ video: constraint(req.videoDeviceId) })).getTracks().forEach((t) => stream.addTrack(t));
  } catch (err) {
    result.videoError = classifyMediaError(err, ['camera']);
  }
  if (stream.getTracks().length) result.stream = stream;
  return result;
}

/** Microphone level 0..1, polled by animation frame. Returns a stop function. */
export function startLevelMeter(stream: MediaStream, onLevel: (level: number) => void): () => void {
  const track = stream.getAudioTracks()[0];
  const Ctx = globalThis.AudioContext ?? (globalThis as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!track || !Ctx) return () => {};
  let ctx: AudioContext | undefined;
  let raf = 0;
  let stopped = false;
  try {
    ctx = new Ctx();
    const source = ctx.createMediaStreamSource(new MediaStream([track]));
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 512;
    source.connect(analyser);
    const data = new Uint8Array(analyser.fftSize);
    let last = -1;
    const tick = () => {
      if (stopped) return;
      analyser.getByteTimeDomainData(data);
      let sum = 0;
      for (const v of data) { const x = (v - 128) / 128; sum += x * x; }
      const level = Math.min(1, Math.sqrt(sum / data.length) * 4);
      const rounded = Math.round(level * 20) / 20;
      if (rounded !== last) { last = rounded; onLevel(rounded); }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
  } catch {
    /* AudioContext unavailable */
  }
  return () => {
    stopped = true;
    cancelAnimationFrame(raf);
    ctx?.close().catch(() => {});
  };
}
