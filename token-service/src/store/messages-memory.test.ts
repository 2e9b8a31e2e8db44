import { describeMessageStoreContract } from './messages-contract.js';
import { MemoryMessageStore } from './messages-memory.js';

describeMessageStoreContract('MemoryMessageStore', (limits, now) => new MemoryMessageStore(limits, { now }));
