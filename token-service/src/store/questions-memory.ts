import { MAX_QUESTIONS_PER_ROOM, byVotesThenTime, type QuestionRecord, type QuestionStore, type QuestionWithVotes } from './questions.js';

/** Questions in process memory (with the memory room store): lost when the process stops. */
export class MemoryQuestionStore implements QuestionStore {
  private readonly rooms = new Map<string, Map<string, { question: QuestionRecord; voters: Set<string> }>>();

  constructor(private readonly maxPerRoom = MAX_QUESTIONS_PER_ROOM) {}

  async addQuestion(question: QuestionRecord): Promise<boolean> {
    let room = this.rooms.get(question.roomName);
    if (!room) this.rooms.set(question.roomName, (room = new Map()));
    if (room.size >= this.maxPerRoom) return false;
    room.set(question.id, { question: { ...question, createdAt: new Date(question.createdAt) }, voters: new Set() });
    return true;
  }

  async listQuestions(roomName: string): Promise<QuestionWithVotes[]> {
    return [...(this.rooms.get(roomName)?.values() ?? [])].map(view).sort(byVotesThenTime);
  }

  async getQuestion(roomName: string, id: string): Promise<QuestionWithVotes | null> {
    const entry = this.rooms.get(roomName)?.get(id);
    return entry ? view(entry) : null;
  }

  async setVote(roomName: string, id: string, userId: string, on: boolean): Promise<QuestionWithVotes | null> {
    const entry = this.rooms.get(roomName)?.get(id);
    if (!entry) return null;
    if (on) entry.voters.add(userId);
    else entry.voters.delete(userId);
    return view(entry);
  }

  async setAnswered(roomName: string, id: string, answered: boolean): Promise<QuestionWithVotes | null> {
    const entry = this.rooms.get(roomName)?.get(id);
    if (!entry) return null;
    entry.question.answered = answered;
    return view(entry);
  }

  async deleteQuestion(roomName: string, id: string): Promise<boolean> {
    return this.rooms.get(roomName)?.delete(id) ?? false;
  }

  async deleteRoomQuestions(roomName: string): Promise<number> {
    const count = this.rooms.get(roomName)?.size ?? 0;
    this.rooms.delete(roomName);
    return count;
  }
}

function view(entry: { question: QuestionRecord; voters: Set<string> }): QuestionWithVotes {
  return { ...entry.question, createdAt: new Date(entry.question.createdAt), voters: [...entry.voters] };
}
