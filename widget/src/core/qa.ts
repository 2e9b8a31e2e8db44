/**
 * Webinar Q&A (audience questions with up-votes), without Lit: the room's questions as the token service keeps them
 * (`…/rooms/{room_name}/questions`, see token-service/API.md), and the actions on them. Ordering (votes, then time),
 * the one-vote-per-user rule and who may do what are the service's; this mirrors its answers.
 *
 * Live updates: the list is fetched again every POLL_MS while the panel is open (`setOpen(true)`), and after each of
 * this page's own actions. Polling, not a LiveKit data message: a webinar's audience usually has no data permission.
 */
import { Listeners } from './listeners.js';
import type { Question, ServiceClient } from './service-client.js';

export type { Question };

export const QA_POLL_MS = 3000;

export type QaClient = Pick<ServiceClient, 'listQuestions' | 'askQuestion' | 'voteQuestion' | 'markQuestionAnswered' | 'deleteQuestion'>;

export interface QaState {
  readonly questions: readonly Question[];
  /** The last action or refresh failed (its error code, e.g. `forbidden`, `unavailable`). */
  readonly error: string | undefined;
  readonly open: boolean;
}

export class QaError extends Error {
  override readonly name = 'QaError';
  constructor(readonly code: string, message: string = code) { super(message); }
}

export class QaBoard {
  private _state: QaState = { questions: [], error: undefined, open: false };
  private readonly listeners = new Listeners<QaState>();
  private room: { client: QaClient; name: string } | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private generation = 0;

  constructor(private readonly pollMs = QA_POLL_MS) {}

  get state(): QaState { return this._state; }

  subscribe(fn: (s: QaState) => void): () => void {
    fn(this._state);
    return this.listeners.add(fn);
  }

  /** The call's room (undefined: no call); forgets the previous room's questions. */
  attach(client: QaClient | undefined, roomName?: string): void {
    this.generation++;
    this.room = client && roomName ? { client, name: roomName } : undefined;
    this.set({ questions: [], error: undefined });
    this.schedule();
    if (this.room && this._state.open) void this.refresh();
  }

  setOpen(open: boolean): void {
    if (open === this._state.open) return;
    this.set({ open });
    this.schedule();
    if (open) void this.refresh();
  }

  /** Fetches the list now. */
  async refresh(): Promise<void> {
    const room = this.room;
    if (!room) return;
    const generation = this.generation;
    try {
      const { questions } = await room.client.listQuestions(room.name);
      if (generation === this.generation) this.set({ questions, error: undefined });
    } catch (err) {
      if (generation === this.generation) this.set({ error: codeOf(err) });
    }
  }

  ask(text: string): Promise<void> {
    const body = typeof text === 'string' ? text.trim() : '';
    if (!body) return Promise.reject(new QaError('empty'));
    return this.act((c, room) => c.askQuestion(room, body));
  }

  vote(id: string, on: boolean): Promise<void> {
    return this.act((c, room) => c.voteQuestion(room, id, on));
  }

  markAnswered(id: string): Promise<void> {
    return this.act((c, room) => c.markQuestionAnswered(room, id));
  }

  remove(id: string): Promise<void> {
    return this.act((c, room) => c.deleteQuestion(room, id));
  }

  /** Stops polling (the call ended or the element went away). */
  dispose(): void {
    this.attach(undefined);
  }

  /** One action, then the fresh list; rejects with a QaError (and shows it) when the service refuses. */
  private async act(run: (client: QaClient, room: string) => Promise<unknown>): Promise<void> {
    const room = this.room;
    if (!room) throw new QaError('not_in_call');
    try {
      await run(room.client, room.name);
    } catch (err) {
      const code = codeOf(err);
      this.set({ error: code });
      throw new QaError(code, String((err as Error)?.message ?? err));
    }
    this.set({ error: undefined });
    await this.refresh();
  }

  private schedule(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    if (this.room && this._state.open) this.timer = setInterval(() => void this.refresh(), this.pollMs);
  }

  private set(patch: Partial<QaState>): void {
    this._state = { ...this._state, ...patch };
    this.listeners.emit(this._state);
  }
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown';
}
