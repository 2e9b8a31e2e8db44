import { describeQuestionStoreContract } from './questions-contract.js';
import { MemoryQuestionStore } from './questions-memory.js';

describeQuestionStoreContract('MemoryQuestionStore', (max) => new MemoryQuestionStore(max));
