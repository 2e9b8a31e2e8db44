/**
 * Who is on the stage in the speaker layout (pure, no Lit, no livekit-client).
 *
 * Priority: the pinned participant, else a shared screen (stage-layout.ts shows it), else the active speaker —
 * held for a moment so the large tile does not jump on every short sound. LiveKit's components-js orders
 * participants by "speaking now, then most recently spoke" (`sorting/sort-participants.ts`, `lastSpokeAt`) and keeps
 * the visual order stable (`useVisualStableUpdate`); this does the same for the one large tile: the last speaker
 * stays until someone else speaks AND the current one has been quiet, and on the stage, for `holdMs`.
 * The local participant is never chosen automatically (people do not want to watch themselves large) unless alone;
 * pinning it works.
 */

import { MeetingError } from './flow-error.js';
import { Listeners } from './listeners.js';

export const STAGE_LAYOUTS = ['grid', 'speaker'] as const;
export type StageLayoutName = (typeof STAGE_LAYOUTS)[number];

export function isStageLayout(v: unknown): v is StageLayoutName {
  return typeof v === 'string' && (STAGE_LAYOUTS as readonly string[]).includes(v);
}

export interface FocusParticipant {
  identity: string;
  isLocal: boolean;
}

export interface FocusInput {
  /** In the room's stable order (tile-order.ts): the fallback when nobody has spoken yet. */
  participants: readonly FocusParticipant[];
  /** Identities speaking now, loudest first (LiveKit's ActiveSpeakersChanged). */
  speaking: readonly string[];
  /** Milliseconds (a monotonic clock is fine). */
  now: number;
}

export interface SpeakerChoice {
  /** Who takes the stage; undefined in an empty room. */
  identity: string | undefined;
  /**
   * When a pending change (someone else speaks but the hold is not over) should be re-evaluated, in ms from `now`;
   * undefined when nothing is pending. The view re-renders then (no new speaker event may come).
   */
  recheckInMs: number | undefined;
}

export interface SpeakerFocusOptions {
  /** How long a speaker stays on the stage, and how long they must have been quiet, before someone else takes it. */
  holdMs?: number;
}

export class SpeakerFocus {
  readonly holdMs: number;
  private current: string | undefined;
  private focusedAt = 0;
  private readonly lastSpoke = new Map<string, number>();

  constructor(options: SpeakerFocusOptions = {}) {
    this.holdMs = options.holdMs ?? 2500;
  }

  /** Forget everything (a new call). */
  reset(): void {
    this.current = undefined;
    this.focusedAt = 0;
    this.lastSpoke.clear();
  }

  update(input: FocusInput): SpeakerChoice {
    const { now } = input;
    const present = new Map(input.participants.map((p) => [p.identity, p]));
    for (const id of input.speaking) if (present.has(id)) this.lastSpoke.set(id, now);
    for (const id of [...this.lastSpoke.keys()]) if (!present.has(id)) this.lastSpoke.delete(id);

    const remotes = input.participants.filter((p) => !p.isLocal);
    const eligible = (id: string) => { const p = present.get(id); return Boolean(p && (!p.isLocal || remotes.length === 0)); };
    const speakingNow = input.speaking.filter(eligible);

    if (this.current && !eligible(this.current)) this.current = undefined;
    if (!this.current) {
      // Start, or the one on the stage left: the loudest speaker, else whoever spoke last, else the first in order.
      const recent = [...this.lastSpoke.entries()].filter(([id]) => eligible(id)).sort((a, b) => b[1] - a[1])[0]?.[0];
      const next = speakingNow[0] ?? recent ?? (remotes[0] ?? input.participants[0])?.identity;
      return this.focus(next, now);
    }
    const cur = this.current;
    if (speakingNow.includes(cur) || speakingNow.length === 0) return { identity: cur, recheckInMs: undefined };
    // Someone else speaks while the current one is quiet: switch once both holds are over.
    const quietFor = now - (this.lastSpoke.get(cur) ?? -Infinity);
    const shownFor = now - this.focusedAt;
    const wait = Math.max(this.holdMs - quietFor, this.holdMs - shownFor, 0);
    if (wait > 0) return { identity: cur, recheckInMs: wait };
    return this.focus(speakingNow[0], now);
  }

  private focus(identity: string | undefined, now: number): SpeakerChoice {
    if (identity !== this.current) {
      this.current = identity;
      this.focusedAt = now;
    }
    return { identity, recheckInMs: undefined };
  }
}

export interface StageFocusInput {
  layout: StageLayoutName;
  pinned: string | undefined;
  /** Identity of the participant whose shared screen is shown (stage-layout.ts), if any. */
  presenter: string | undefined;
  /** The held active speaker (SpeakerFocus). */
  speaker: string | undefined;
}

/** What takes the stage: a pinned participant, a shared screen, the active speaker (speaker layout), or nothing (grid). */
export type StageFocus =
  | { kind: 'participant'; identity: string; reason: 'pinned' | 'speaker' }
  | { kind: 'screen'; identity: string }
  | { kind: 'none' };

export function chooseStageFocus(i: StageFocusInput): StageFocus {
  if (i.pinned) return { kind: 'participant', identity: i.pinned, reason: 'pinned' };
  if (i.presenter) return { kind: 'screen', identity: i.presenter };
  if (i.layout === 'speaker' && i.speaker) return { kind: 'participant', identity: i.speaker, reason: 'speaker' };
  return { kind: 'none' };
}

export interface StageSettings {
  layout: StageLayoutName;
  /** The pinned participant's identity. */
  pinned: string | undefined;
}

/** The call's state as far as the stage settings care. */
export interface StageCallState {
  connection: string;
  participants: readonly { identity: string }[];
}

const inCall = (s: StageCallState) => s.connection === 'connected' || s.connection === 'reconnecting';

/**
 * The layout and pin the host page or the user chose: validated setters (typed `MeetingError` codes), subscribers.
 * Pinning shows the speaker layout; going back to the grid unpins. A pinned participant who leaves is unpinned.
 */
export class StageControl {
  private _state: StageSettings = { layout: 'grid', pinned: undefined };
  private readonly listeners = new Listeners<StageSettings>();

  get state(): StageSettings { return this._state; }

  subscribe(fn: (s: StageSettings) => void): () => void {
    const off = this.listeners.add(fn);
    fn(this._state);
    return off;
  }

  /** `grid` | `speaker`. Rejects `not_in_call`, `invalid_layout`. */
  setLayout(layout: unknown, call: StageCallState): void {
    if (!inCall(call)) throw new MeetingError('not_in_call');
    if (!isStageLayout(layout)) throw new MeetingError('invalid_layout', `unknown layout: ${String(layout)}`);
    this.set({ layout, pinned: layout === 'grid' ? undefined : this._state.pinned });
  }

  /** Pin a participant on the stage (null unpins). Rejects `not_in_call`, `unknown_participant`. */
  pin(identity: string | null, call: StageCallState): void {
    if (!inCall(call)) throw new MeetingError('not_in_call');
    if (identity === null || identity === undefined) { this.set({ ...this._state, pinned: undefined }); return; }
    if (typeof identity !== 'string' || !call.participants.some((p) => p.identity === identity)) {
      throw new MeetingError('unknown_participant', `no participant ${String(identity)} in the call`);
    }
    this.set({ layout: 'speaker', pinned: identity });
  }

  /** Follow the call: the pin goes when its participant leaves or the call ends; the layout stays for the next call. */
  sync(call: StageCallState): void {
    const pinned = this._state.pinned;
    if (pinned && (!inCall(call) || !call.participants.some((p) => p.identity === pinned))) this.set({ ...this._state, pinned: undefined });
  }

  private set(next: StageSettings): void {
    if (next.layout === this._state.layout && next.pinned === this._state.pinned) return;
    this._state = next;
    this.listeners.emit(next);
  }
}
