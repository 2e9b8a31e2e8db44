/**
 * Audience questions (Q&A with up-votes) the service keeps about a room (see routes/questions.ts).
 *
 * A vote is one (question, user) pair, never a counter: a user's second vote is the same pair, so no double vote is
 * possible, concurrent or not (MongoDB: a unique index; memory: a set). Questions are listed by votes, then by time.
 */

export interface QuestionRecord {
  id: string;
  roomName: string;
  /** The author: the verified Urbania user. */
  authorId: string;
  authorName: string;
  text: string;
  createdAt: Date;
  answered: boolean;
}

/** A question with its voters. */
export interface QuestionWithVotes extends QuestionRecord {
  voters: string[];
}

/** Questions per room by default (the API refuses more; two racing posts may pass it by one). */
export const MAX_QUESTIONS_PER_ROOM = 500;

export interface QuestionStore {
  /** Stores a new question; false when the room already has its maximum (MAX_QUESTIONS_PER_ROOM unless configured). */
  addQuestion(question: QuestionRecord): Promise<boolean>;
  /** The room's questions, most voted first, then oldest first. */
  listQuestions(roomName: string): Promise<QuestionWithVotes[]>;
  getQuestion(roomName: string, id: string): Promise<QuestionWithVotes | null>;
  /** Adds (`on`) or removes the user's vote; idempotent. Null when the question does not exist. */
  setVote(roomName: string, id: string, userId: string, on: boolean): Promise<QuestionWithVotes | null>;
  /** Null when the question does not exist. */
  setAnswered(roomName: string, id: string, answered: boolean): Promise<QuestionWithVotes | null>;
  /** Deletes the question and its votes; false when there was none. */
  deleteQuestion(roomName: string, id: string): Promise<boolean>;
  /** Deletes every question of the room (when it is deleted). */
  deleteRoomQuestions(roomName: string): Promise<number>;
}

/** Most voted first, then oldest first, then by id (a stable order). */
export function byVotesThenTime(a: QuestionWithVotes, b: QuestionWithVotes): number {
  return b.voters.length - a.voters.length || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
}
