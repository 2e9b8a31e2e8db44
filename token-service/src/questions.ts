import { randomUUID } from 'node:crypto';
import { ApiError, errors } from './errors.js';
import { isHost } from './grants.js';
import type { Meetings } from './meetings.js';
import type { User } from './model.js';
import type { QuestionView } from './schemas-questions.js';
import type { QuestionStore, QuestionWithVotes } from './store/questions.js';
import type { RoomStore } from './store/types.js';

/**
 * Audience questions (Q&A with up-votes) of a room: what routes/questions.ts calls. Whoever may see the room (members,
 * guests admitted with an invite, a webinar's audience included) asks, lists and votes (one vote per user); a host
 * (the room's creator or a co-host) marks a question answered; a host or its author deletes it. The author is always the caller.
 */
export class QuestionsService {
  constructor(
    private readonly meetings: Meetings,
    private readonly rooms: RoomStore,
    private readonly questions: QuestionStore,
    private readonly now: () => number = Date.now,
  ) {}

  async ask(user: User, roomName: string, text: string): Promise<QuestionView> {
    await this.meetings.access(user, roomName);
    const present = (await this.rooms.listPresence(roomName)).find((p) => p.identity === user.id);
    const question = { id: randomUUID(), roomName, authorId: user.id, authorName: present?.name ?? user.name, text, createdAt: new Date(this.now()), answered: false };
    if (!(await this.questions.addQuestion(question))) throw errors.badRequest(`Room "${roomName}" has reached its maximum number of questions`);
    return toQuestionView({ ...question, voters: [] }, user.id);
  }

  async list(user: User, roomName: string): Promise<QuestionView[]> {
    await this.meetings.access(user, roomName);
    return (await this.questions.listQuestions(roomName)).map((q) => toQuestionView(q, user.id));
  }

  async vote(user: User, roomName: string, id: string, on: boolean): Promise<QuestionView> {
    await this.meetings.access(user, roomName);
    return toQuestionView(found(await this.questions.setVote(roomName, id, user.id, on), id), user.id);
  }

  async markAnswered(user: User, roomName: string, id: string): Promise<QuestionView> {
    await this.meetings.asHost(user, roomName);
    return toQuestionView(found(await this.questions.setAnswered(roomName, id, true), id), user.id);
  }

  async delete(user: User, roomName: string, id: string): Promise<void> {
    const { room } = await this.meetings.access(user, roomName);
    const question = found(await this.questions.getQuestion(roomName, id), id);
    if (question.authorId !== user.id && !isHost(room, user.id)) {
      throw errors.forbidden('Only a host or the author may delete a question');
    }
    await this.questions.deleteQuestion(roomName, id);
  }

  /** Forgets a room's questions (for when a room is deleted). */
  deleteRoom(roomName: string): Promise<number> {
    return this.questions.deleteRoomQuestions(roomName);
  }
}

function found(q: QuestionWithVotes | null, id: string): QuestionWithVotes {
  if (!q) throw new ApiError(404, 'not_found', `Question "${id}" does not exist in this room`);
  return q;
}

export function toQuestionView(q: QuestionWithVotes, viewer: string): QuestionView {
  return {
    id: q.id,
    text: q.text,
    author: { identity: q.authorId, name: q.authorName },
    created_at: q.createdAt.toISOString(),
    votes: q.voters.length,
    voted: q.voters.includes(viewer),
    answered: q.answered,
  };
}
