/**
 * Keeps the room's media elements attached to the right tracks: every `video`/`audio` with a `data-track-sid` under
 * the given roots shows the track of that sid; elements that left the DOM, or whose sid changed, are detached.
 * A root is a shadow root or any container (e.g. a Picture-in-Picture window's document), so the same tracks can be
 * shown in several places.
 */
import type { AttachableTrack, ParticipantView } from '../../core/call-session.js';

export class MediaAttacher {
  /** Which track each media element currently shows. */
  private readonly attached = new Map<HTMLMediaElement, AttachableTrack>();

  /** Attach what the roots show now; detach what they no longer show. */
  sync(roots: readonly ParentNode[], participants: readonly ParticipantView[]): void {
    const byId = new Map<string, AttachableTrack>();
    for (const p of participants) {
      if (p.video) byId.set(p.video.sid, p.video.track);
      if (p.screen) byId.set(p.screen.sid, p.screen.track);
      for (const a of p.audio) byId.set(a.sid, a.track);
    }
    const live = new Set<HTMLMediaElement>();
    for (const root of roots) {
      for (const el of root.querySelectorAll<HTMLMediaElement>('video[data-track-sid], audio[data-track-sid]')) {
        live.add(el);
        const track = byId.get(el.dataset['trackSid'] ?? '');
        if (this.attached.get(el) === track) continue;
        this.detach(el);
        if (!track) continue;
        try {
          track.attach(el);
          this.attached.set(el, track);
        } catch (err) {
          console.warn('[urbania-meeting] attach failed', err);
        }
      }
    }
    for (const el of [...this.attached.keys()]) if (!live.has(el)) this.detach(el);
  }

  /** Detach everything (the view goes away). */
  clear(): void {
    for (const el of [...this.attached.keys()]) this.detach(el);
  }

  private detach(el: HTMLMediaElement): void {
    const prev = this.attached.get(el);
    if (!prev) return;
    try { prev.detach(el); } catch { /* ignore */ }
    this.attached.delete(el);
  }
}
