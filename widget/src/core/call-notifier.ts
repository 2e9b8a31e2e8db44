/**
 * The logic of <urbania-call-notifier>, without Lit: keeps the user's events stream open (a fresh ticket for
 * every connection, backoff between attempts), and the list of calls ringing now. An invitation rings until it
 * is answered here, answered on another tab or device (`invitation_answered`), or `ringMs` passes (missed).
 */
import { Listeners } from './listeners.js';
import type { Invitation, InvitationAnswer, InvitationAnswered, NotifierClient } from './notifier-client.js';
import { ServiceError } from './service-client.js';

export type FeedConnection = 'idle' | 'connecting' | 'open' | 'retrying';

export interface NotifierState {
  connection: FeedConnection;
  /** Ringing now, oldest first (one per room). */
  calls: Invitation[];
}

export type NotifierEvent =
  | { type: 'ring'; invitation: Invitation }
  /** `here`: answered through this notifier; otherwise on another tab or device. */
  | { type: 'answered'; invitation: Invitation; answer: InvitationAnswer; here: boolean }
  | { type: 'missed'; invitation: Invitation }
  | { type: 'error'; error: ServiceError };

/** What the notifier needs of EventSource (tests pass a fake). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

export type CallNotifierErrorCode = 'no_invitation' | 'push_unsupported' | 'permission_denied' | 'service_worker_failed';

/** Rejection of `accept()` / `decline()`: `code` says why. */
export class CallNotifierError extends Error {
  override readonly name = 'CallNotifierError';
  constructor(readonly code: CallNotifierErrorCode, message: string) {
    super(message);
  }
}

export const DEFAULT_RING_MS = 45_000;
export const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

export interface CallNotifierOptions {
  eventSource?: EventSourceFactory;
  ringMs?: number;
  retryDelaysMs?: number[];
}

export class CallNotifier {
  private readonly stateListeners = new Listeners<NotifierState>();
  private readonly eventListeners = new Listeners<NotifierEvent>();
  private readonly ringing = new Map<string, { invitation: Invitation; timer: ReturnType<typeof setTimeout> }>();
  private readonly createSource: EventSourceFactory;
  private readonly ringMs: number;
  private readonly retryDelaysMs: number[];
  private connection: FeedConnection = 'idle';
  private source: EventSourceLike | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private running = false;

  constructor(private readonly client: NotifierClient, options: CallNotifierOptions = {}) {
    this.createSource = options.eventSource ?? ((url) => new EventSource(url));
    this.ringMs = options.ringMs ?? DEFAULT_RING_MS;
    this.retryDelaysMs = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  }

  get state(): NotifierState {
    return { connection: this.connection, calls: [...this.ringing.values()].map((r) => r.invitation) };
  }

  /** Calls `fn` now and on every change; returns the unsubscribe function. */
  subscribe(fn: (state: NotifierState) => void): () => void {
    fn(this.state);
    return this.stateListeners.add(fn);
  }

  on(fn: (event: NotifierEvent) => void): () => void {
    return this.eventListeners.add(fn);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.failures = 0;
    void this.connect();
  }

  /** Closes the stream and forgets the ringing calls (the element left the page). */
  stop(): void {
    this.running = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.source?.close();
    this.source = undefined;
    for (const r of this.ringing.values()) clearTimeout(r.timer);
    this.ringing.clear();
    this.setConnection('idle');
  }

  /**
   * Answers the ringing call of `roomName` (the oldest one when omitted): it stops ringing here at once, and the
   * service tells the user's other tabs and devices. Rejects with CallNotifierError `no_invitation` when nothing
   * rings for that room. A failing service call does not undo the answer here; it is reported as an `error` event.
   */
  async answer(answer: InvitationAnswer, roomName?: string): Promise<Invitation> {
    const name = roomName ?? this.ringing.keys().next().value;
    const entry = name === undefined ? undefined : this.ringing.get(name);
    if (!entry) throw new CallNotifierError('no_invitation', roomName ? `No call is ringing for room "${roomName}"` : 'No call is ringing');
    this.remove(entry.invitation.room_name);
    this.eventListeners.emit({ type: 'answered', invitation: entry.invitation, answer, here: true });
    this.client.answerInvitation(entry.invitation.room_name, answer).catch((err: unknown) => this.reportError(err));
    return entry.invitation;
  }

  private async connect(): Promise<void> {
    if (!this.running) return;
    this.setConnection(this.failures === 0 ? 'connecting' : 'retrying');
    let url: string;
    try {
      url = await this.client.eventsUrl();
    } catch (err) {
      this.reportError(err);
      this.retryLater();
      return;
    }
    if (!this.running) return;
    const source = this.createSource(url);
    this.source = source;
    const mine = (fn: (e: MessageEvent) => void) => (e: MessageEvent) => {
      if (this.source === source) fn(e);
    };
    source.addEventListener('ready', mine(() => {
      this.failures = 0;
      this.setConnection('open');
    }));
    source.addEventListener('invitation', mine((e) => {
      const invitation = parse<Invitation>(e.data);
      if (invitation?.room_name) this.ring(invitation);
    }));
    source.addEventListener('invitation_answered', mine((e) => {
      const answered = parse<InvitationAnswered>(e.data);
      const entry = answered && this.ringing.get(answered.room_name);
      if (!entry || !answered) return;
      this.remove(answered.room_name);
      this.eventListeners.emit({ type: 'answered', invitation: entry.invitation, answer: answered.answer, here: false });
    }));
    // EventSource would reconnect with the same, now used, ticket: close it and start over with a new one.
    source.addEventListener('error', mine(() => {
      source.close();
      this.source = undefined;
      this.retryLater();
    }));
  }

  private retryLater(): void {
    if (!this.running) return;
    const delay = this.retryDelaysMs[Math.min(this.failures, this.retryDelaysMs.length - 1)] ?? 30_000;
    this.failures++;
    this.setConnection('retrying');
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect();
    }, delay);
  }

  private ring(invitation: Invitation): void {
    const previous = this.ringing.get(invitation.room_name);
    if (previous) clearTimeout(previous.timer);
    const timer = setTimeout(() => {
      if (this.ringing.get(invitation.room_name)?.invitation !== invitation) return;
      this.remove(invitation.room_name);
      this.eventListeners.emit({ type: 'missed', invitation });
    }, this.ringMs);
    this.ringing.set(invitation.room_name, { invitation, timer });
    this.emitState();
    this.eventListeners.emit({ type: 'ring', invitation });
  }

  private remove(roomName: string): void {
    const entry = this.ringing.get(roomName);
    if (!entry) return;
    clearTimeout(entry.timer);
    this.ringing.delete(roomName);
    this.emitState();
  }

  private reportError(err: unknown): void {
    const error = err instanceof ServiceError ? err : new ServiceError('unknown', err instanceof Error ? err.message : String(err));
    this.eventListeners.emit({ type: 'error', error });
  }

  private setConnection(connection: FeedConnection): void {
    if (this.connection === connection) return;
    this.connection = connection;
    this.emitState();
  }

  private emitState(): void {
    this.stateListeners.emit(this.state);
  }
}

function parse<T>(data: unknown): T | undefined {
  try {
    return typeof data === 'string' ? (JSON.parse(data) as T) : undefined;
  } catch {
    return undefined;
  }
}
