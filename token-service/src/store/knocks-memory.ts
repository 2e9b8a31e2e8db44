import type { KnockRecord, KnockStore } from './knocks-types.js';

/** The waiting room in process memory (the default store). */
export class MemoryKnockStore implements KnockStore {
  private readonly knocks = new Map<string, KnockRecord>();

  async knock(knock: KnockRecord): Promise<KnockRecord> {
    const key = keyOf(knock.roomName, knock.identity);
    const existing = this.knocks.get(key);
    if (existing) return clone(existing);
    this.knocks.set(key, clone(knock));
    return clone(knock);
  }

  async getKnock(roomName: string, identity: string): Promise<KnockRecord | null> {
    const knock = this.knocks.get(keyOf(roomName, identity));
    return knock ? clone(knock) : null;
  }

  async decide(roomName: string, identity: string, status: 'admitted' | 'refused', by: string, at: Date): Promise<KnockRecord | null> {
    const knock = this.knocks.get(keyOf(roomName, identity));
    if (!knock) return null;
    if (knock.status === 'waiting') Object.assign(knock, { status, decidedBy: by, decidedAt: new Date(at) });
    return clone(knock);
  }

  async listWaiting(roomName: string): Promise<KnockRecord[]> {
    return [...this.knocks.values()]
      .filter((k) => k.roomName === roomName && k.status === 'waiting')
      .sort((a, b) => a.knockedAt.getTime() - b.knockedAt.getTime())
      .map(clone);
  }

  async close(): Promise<void> {}
}

const keyOf = (roomName: string, identity: string) => `${roomName}\n${identity}`;

function clone(k: KnockRecord): KnockRecord {
  return { ...k, knockedAt: new Date(k.knockedAt), ...(k.decidedAt && { decidedAt: new Date(k.decidedAt) }) };
}
