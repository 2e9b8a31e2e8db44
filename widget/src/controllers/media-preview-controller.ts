import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { listDevices, openPreview, startLevelMeter, stopStream, type DeviceLists } from '../core/local-media.js';
import type { MediaErrorCode } from '../core/media-errors.js';

export interface PreviewWants {
  audio: boolean;
  video: boolean;
  audioDeviceId?: string | undefined;
  videoDeviceId?: string | undefined;
}

/**
 * Pre-join camera preview and microphone level with plain getUserMedia.
 * Every track it opens is stopped when the host leaves the DOM.
 */
export class MediaPreviewController implements ReactiveController {
  stream: MediaStream | undefined;
  level = 0;
  devices: DeviceLists = { audioinput: [], videoinput: [], audiooutput: [] };
  audioError: MediaErrorCode | undefined;
  videoError: MediaErrorCode | undefined;
  private wantsKey = '';
  private stopMeter: () => void = () => {};
  private generation = 0;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onError?: (kind: 'camera' | 'microphone', code: MediaErrorCode) => void,
  ) {
    host.addController(this);
  }

  /** Open (or re-open) the preview so it matches `wants`; no-op when nothing changed. */
  update(wants: PreviewWants): void {
    if (!this.connected) return;
    const key = JSON.stringify([wants.audio, wants.video, wants.audioDeviceId ?? '', wants.videoDeviceId ?? '']);
    if (key === this.wantsKey) return;
    this.wantsKey = key;
    void this.open(wants);
  }

  private async open(wants: PreviewWants): Promise<void> {
    const gen = ++this.generation;
    this.release();
    this.audioError = undefined;
    this.videoError = undefined;
    this.host.requestUpdate();
    if (!wants.audio && !wants.video) return;
    const result = await openPreview(wants);
    if (gen !== this.generation || !this.connected) {
      stopStream(result.stream);
      return;
    }
    this.stream = result.stream;
    this.audioError = result.audioError;
    this.videoError = result.videoError;
    if (result.audioError) this.onError?.('microphone', result.audioError);
    if (result.videoError) this.onError?.('camera', result.videoError);
    if (this.stream) {
      this.stopMeter = startLevelMeter(this.stream, (l) => { this.level = l; this.host.requestUpdate(); });
      // Labels are only visible once permission is granted.
      this.devices = await listDevices();
    }
    this.host.requestUpdate();
  }

  private release(): void {
    this.stopMeter();
    this.stopMeter = () => {};
    stopStream(this.stream);
    this.stream = undefined;
    this.level = 0;
  }

  /** Stop everything (also called before joining). */
  stop(): void {
    this.generation++;
    this.wantsKey = '';
    this.release();
    this.host.requestUpdate();
  }

  private readonly onDeviceChange = () => {
    void listDevices().then((d) => { this.devices = d; this.host.requestUpdate(); });
  };

  hostConnected(): void {
    this.connected = true;
    this.onDeviceChange();
    try { navigator.mediaDevices?.addEventListener('devicechange', this.onDeviceChange); } catch { /* ignore */ }
  }

  hostDisconnected(): void {
    this.connected = false;
    try { navigator.mediaDevices?.removeEventListener('devicechange', this.onDeviceChange); } catch { /* ignore */ }
    this.stop();
  }
}
