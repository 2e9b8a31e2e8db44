/**
 * Devices during a call: the lists of microphones, cameras and speakers, the active one of each, switching with
 * livekit-client's `room.switchActiveDevice`, following plug/unplug, and remembering the choice in the pre-join's
 * stored choices (user-choices.ts) so that the next join uses it. Lit-free; only types come from livekit-client.
 *
 * Plug/unplug: livekit-client listens to `devicechange`, restarts a capture whose device vanished on the default one
 * and switches the speaker itself, then emits `MediaDevicesChanged` / `ActiveDeviceChanged`; this module refreshes the
 * lists on both and, when the active device of a kind is still missing from its list, falls back to the default
 * (`default`, else the first) and reports the change like any other.
 */
import type { Room, RoomEvent } from 'livekit-client';
import { MeetingError } from './flow-error.js';
import { listDevices, type DeviceLists } from './local-media.js';
import { Listeners } from './listeners.js';
import { saveUserChoices, type UserChoices } from './user-choices.js';
import type { CallState } from './call-session.js';

export type DeviceKind = 'audioinput' | 'videoinput' | 'audiooutput';
export const DEVICE_KINDS: readonly DeviceKind[] = ['audioinput', 'videoinput', 'audiooutput'];

export interface DeviceOption {
  deviceId: string;
  /** The browser's label ('' before any permission was granted). */
  label: string;
}

export interface DevicesState {
  /** In a call (connected or reconnecting): the lists are live and setDevice may work. */
  live: boolean;
  lists: Record<DeviceKind, DeviceOption[]>;
  /** The device in use for each kind ('' when not known yet). */
  active: Record<DeviceKind, string>;
  /** Whether this participant may choose a device of each kind (see `allowedKinds`). */
  allowed: Record<DeviceKind, boolean>;
}

/** A device changed: chosen (`setDevice`) or a fallback after the active device disappeared. */
export interface DeviceChange {
  kind: DeviceKind;
  deviceId: string;
  /** Chosen by the person or the page (remembered); false for a fallback or livekit-client's own switch. */
  chosen: boolean;
}

/** The livekit-client room events this module follows (their string values, checked against RoomEvent). */
const MEDIA_DEVICES_CHANGED = 'mediaDevicesChanged' satisfies `${RoomEvent}`;
const ACTIVE_DEVICE_CHANGED = 'activeDeviceChanged' satisfies `${RoomEvent}`;

/** What this module needs of a livekit-client Room. */
export type DeviceRoom = Pick<Room, 'switchActiveDevice' | 'getActiveDevice' | 'on' | 'off'>;

/** What it needs of the call session. */
export interface DeviceSession {
  readonly state: CallState;
  readonly room: DeviceRoom | undefined;
  subscribe(fn: (s: CallState) => void): () => void;
}

export interface CallDevicesOptions {
  /** Lists the devices (default: enumerateDevices). */
  enumerate?: () => Promise<DeviceLists | Record<DeviceKind, DeviceOption[]>>;
  /** Remembers a choice (default: the pre-join's stored choices in localStorage). */
  remember?: (choice: Partial<UserChoices>) => void;
  /** Whether the browser can route audio to a chosen output (default: HTMLMediaElement.setSinkId exists). */
  canChooseOutput?: () => boolean;
  /** Follow `navigator.mediaDevices`' `devicechange` too (default true; livekit-client relays it as well). */
  deviceChangeTarget?: EventTarget | undefined;
}

const EMPTY_LISTS = (): Record<DeviceKind, DeviceOption[]> => ({ audioinput: [], videoinput: [], audiooutput: [] });
const NO_ACTIVE = (): Record<DeviceKind, string> => ({ audioinput: '', videoinput: '', audiooutput: '' });
/** Where the pre-join's stored choices keep each kind. */
export const CHOICE_FIELD: Record<DeviceKind, 'audioDeviceId' | 'videoDeviceId' | 'audioOutputId'> = {
  audioinput: 'audioDeviceId', videoinput: 'videoDeviceId', audiooutput: 'audioOutputId',
};

export function isDeviceKind(kind: unknown): kind is DeviceKind {
  return typeof kind === 'string' && (DEVICE_KINDS as readonly string[]).includes(kind);
}

/**
 * Which kinds a participant may choose in this call: microphone for publishers, camera for publishers of a video
 * call (an audio room never opens a camera), speaker when the browser can route audio (`setSinkId`).
 */
export function allowedKinds(s: Pick<CallState, 'callType' | 'canPublish'>, canChooseOutput: boolean): Record<DeviceKind, boolean> {
  return {
    audioinput: s.canPublish,
    videoinput: s.canPublish && s.callType === 'video',
    audiooutput: canChooseOutput,
  };
}

/**
 * The device to fall back on when `active` is no longer listed: `default` when the browser has one, else the first.
 * Undefined when nothing needs to change (still listed, nothing known, or nothing left to use).
 */
export function fallbackDevice(list: readonly DeviceOption[], active: string): string | undefined {
  if (!active || !list.length || list.some((d) => d.deviceId === active)) return undefined;
  return (list.find((d) => d.deviceId === 'default') ?? list[0]!).deviceId;
}

function defaultCanChooseOutput(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}

export class CallDevices {
  private _state: DevicesState = { live: false, lists: EMPTY_LISTS(), active: NO_ACTIVE(), allowed: { audioinput: false, videoinput: false, audiooutput: false } };
  private readonly listeners = new Listeners<DevicesState>();
  private readonly changeListeners = new Listeners<DeviceChange>();
  private room: DeviceRoom | undefined;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private readonly choosing = new Map<DeviceKind, string>();

  constructor(private readonly session: DeviceSession, private readonly options: CallDevicesOptions = {}) {
    session.subscribe((s) => this.onSession(s));
  }

  get state(): DevicesState { return this._state; }

  subscribe(fn: (s: DevicesState) => void): () => void {
    fn(this._state);
    return this.listeners.add(fn);
  }

  /** Every change of an active device, chosen or not. */
  onChange(fn: (c: DeviceChange) => void): () => void {
    return this.changeListeners.add(fn);
  }

  /**
   * Use `deviceId` for `kind` in the call (and for the next calls). Rejects with a MeetingError: `device_kind_invalid`
   * (not audioinput | videoinput | audiooutput), `not_in_call`, `device_not_allowed` (camera in an audio room,
   * microphone or camera for a webinar's audience, speaker where the browser cannot choose one), `device_not_found`
   * (no such device now) or `device_switch_failed` (the browser could not open it).
   */
  async setDevice(kind: DeviceKind, deviceId: string): Promise<void> {
    if (!isDeviceKind(kind)) throw new MeetingError('device_kind_invalid');
    const room = this.room;
    if (!room || !this._state.live) throw new MeetingError('not_in_call');
    if (!this._state.allowed[kind]) throw new MeetingError('device_not_allowed', kind, deviceOf(kind));
    if (typeof deviceId !== 'string' || !deviceId) throw new MeetingError('device_not_found', kind, deviceOf(kind));
    await this.refresh();
    if (!this._state.lists[kind].some((d) => d.deviceId === deviceId)) throw new MeetingError('device_not_found', kind, deviceOf(kind));
    let ok: boolean;
    // livekit-client reports the switch (ActiveDeviceChanged) before it resolves: that report is this choice.
    this.choosing.set(kind, deviceId);
    try {
      ok = await room.switchActiveDevice(kind, deviceId);
    } catch (err) {
      throw new MeetingError('device_switch_failed', String((err as Error)?.message ?? err), deviceOf(kind), { cause: err });
    } finally {
      this.choosing.delete(kind);
    }
    if (!ok) throw new MeetingError('device_switch_failed', kind, deviceOf(kind));
    if (this.room !== room) return;
    (this.options.remember ?? saveUserChoices)({ [CHOICE_FIELD[kind]]: deviceId });
    this.setActive(kind, deviceId, true);
  }

  /** Re-reads the device lists (one enumeration at a time; a request during one runs once more after it). */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    const run = (async () => {
      do {
        this.refreshAgain = false;
        await this.readLists();
      } while (this.refreshAgain);
    })().finally(() => { this.refreshing = undefined; });
    this.refreshing = run;
    return run;
  }

  private async readLists(): Promise<void> {
    let lists: Record<DeviceKind, DeviceOption[]>;
    try {
      const raw = await (this.options.enumerate ?? listDevices)();
      lists = EMPTY_LISTS();
      for (const kind of DEVICE_KINDS) {
        lists[kind] = raw[kind].filter((d) => d.deviceId).map((d) => ({ deviceId: d.deviceId, label: d.label }));
      }
    } catch {
      return;
    }
    const room = this.room;
    const active = { ...this._state.active };
    if (room) for (const kind of DEVICE_KINDS) active[kind] = room.getActiveDevice(kind) || active[kind];
    this.setState({ lists, active });
    if (!room) return;
    for (const kind of DEVICE_KINDS) {
      const next = fallbackDevice(lists[kind], active[kind]);
      if (next === undefined || !this._state.allowed[kind]) continue;
      try {
        await room.switchActiveDevice(kind, next);
      } catch (err) {
        console.warn('[urbania-meeting] device fallback failed', kind, err);
        continue;
      }
      if (this.room === room) this.setActive(kind, next, false);
    }
  }

  private setActive(kind: DeviceKind, deviceId: string, chosen: boolean): void {
    const before = this._state.active[kind];
    if (before === deviceId) return;
    chosen ||= this.choosing.get(kind) === deviceId;
    this.setState({ active: { ...this._state.active, [kind]: deviceId } });
    // The first device livekit-client reports (the capture opening) is not a change.
    if (before || chosen) this.changeListeners.emit({ kind, deviceId, chosen });
  }

  private readonly onMediaDevicesChanged = (): void => { void this.refresh(); };
  private readonly onActiveDeviceChanged = (kind: MediaDeviceKind, deviceId: string): void => {
    if (isDeviceKind(kind) && deviceId) this.setActive(kind, deviceId, false);
  };

  private onSession(s: CallState): void {
    const live = s.connection === 'connected' || s.connection === 'reconnecting';
    const room = live ? this.session.room : undefined;
    const allowed = allowedKinds(s, (this.options.canChooseOutput ?? defaultCanChooseOutput)());
    if (room !== this.room) {
      this.detach();
      if (room) this.attach(room);
    }
    const same = this._state.live === live && DEVICE_KINDS.every((k) => this._state.allowed[k] === allowed[k]);
    if (!same) this.setState(live ? { live, allowed } : { live, allowed, active: NO_ACTIVE() });
  }

  private attach(room: DeviceRoom): void {
    this.room = room;
    room.on(MEDIA_DEVICES_CHANGED as RoomEvent.MediaDevicesChanged, this.onMediaDevicesChanged);
    room.on(ACTIVE_DEVICE_CHANGED as RoomEvent.ActiveDeviceChanged, this.onActiveDeviceChanged);
    const target = 'deviceChangeTarget' in this.options ? this.options.deviceChangeTarget : globalThis.navigator?.mediaDevices;
    target?.addEventListener('devicechange', this.onMediaDevicesChanged);
    this.detachTarget = () => target?.removeEventListener('devicechange', this.onMediaDevicesChanged);
    void this.refresh();
  }

  private detachTarget: (() => void) | undefined;

  private detach(): void {
    const room = this.room;
    if (!room) return;
    room.off(MEDIA_DEVICES_CHANGED as RoomEvent.MediaDevicesChanged, this.onMediaDevicesChanged);
    room.off(ACTIVE_DEVICE_CHANGED as RoomEvent.ActiveDeviceChanged, this.onActiveDeviceChanged);
    this.detachTarget?.();
    this.detachTarget = undefined;
    this.room = undefined;
  }

  private setState(patch: Partial<DevicesState>): void {
    this._state = { ...this._state, ...patch };
    this.listeners.emit(this._state);
  }
}

function deviceOf(kind: DeviceKind): 'camera' | 'microphone' | undefined {
  return kind === 'videoinput' ? 'camera' : kind === 'audioinput' ? 'microphone' : undefined;
}
