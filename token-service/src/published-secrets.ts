/**
 * Secrets and keys written in this repository, hence known to anyone: the development pair of
 * `.env.example` and `livekit.yaml`, and the fixed values of the test helpers. The service refuses every
 * one of them unless NODE_ENV=development (config.ts), and so does `npm run doctor`, which runs the same
 * validation. `src/published-secrets.test.ts` reads those files and fails when one of their secrets is
 * missing here, so this list cannot drift from them. Shipped with the service (the image has no
 * `.env.example` to read).
 */
export const PUBLISHED_SECRETS: ReadonlySet<string> = new Set([
  // .env.example (LIVEKIT_API_SECRET) and livekit.yaml (keys: devkey)
  'urbania-dev-secret-0123456789abcdef',
  // .env.example (AUTH_JWT_SECRET)
  'urbania-dev-jwt-secret-change-me-0123456789',
  // token-service/test/helpers/app.ts (testConfig, AUTH_SECRET)
  'test-secret-for-the-token-service-suite-0123456789',
  'test-urbania-jwt-secret-0123456789abcdef',
]);

/** API keys written in the repository (`.env.example`, `livekit.yaml`). */
export const PUBLISHED_API_KEYS: ReadonlySet<string> = new Set(['devkey']);

const FIX = 'generate your own (openssl rand -hex 32), or set NODE_ENV=development on a development machine';

/**
 * One problem per variable holding a published value, naming the variable. Empty when none does.
 * `secrets` maps variable names (LIVEKIT_API_SECRET, AUTH_JWT_SECRET, …) to their values.
 */
export function publishedValueProblems(apiKey: string | undefined, secrets: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (apiKey !== undefined && PUBLISHED_API_KEYS.has(apiKey.trim())) {
    problems.push(
      `LIVEKIT_API_KEY: "${apiKey.trim()}" is the development key published in this repository; outside development use a key of your own (with its own secret in LiveKit's keys), or set NODE_ENV=development on a development machine`,
    );
  }
  for (const [name, value] of Object.entries(secrets)) {
    if (value !== undefined && PUBLISHED_SECRETS.has(value.trim())) {
      problems.push(`${name}: this secret is published in the repository (.env.example, livekit.yaml or the tests); ${FIX}`);
    }
  }
  return problems;
}
