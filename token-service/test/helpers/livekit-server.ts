// Temporary: bench/token-service/run.ts still imports this path; tests import scripts/kit directly.
export * from '../../../scripts/kit/index.mjs';
