#!/usr/bin/env node
// Before a build: regenerate src/core/api.generated.ts (the service's API contract) from the token service's zod
// schemas, so a build never ships a stale copy. It needs the service's sources and dev dependencies (a checkout of
// the whole repository); a build of the widget alone (demo/Dockerfile) uses the committed file, which
// token-service/test/contract.test.ts keeps in step with the schemas.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const service = fileURLToPath(new URL('../../token-service/', import.meta.url));
const generator = `${service}contract/generate.ts`;

function resolvable(name) {
  try {
    createRequire(`${service}package.json`).resolve(name);
    return true;
  } catch {
    return false;
  }
}

if (!existsSync(generator)) {
  console.log('api.generated.ts: the token service is not here; building with the committed contract');
} else if (!resolvable('tsx') || !resolvable('openapi-typescript')) {
  console.log("api.generated.ts: the token service's dev dependencies are not installed; building with the committed contract");
} else {
  const r = spawnSync(process.execPath, ['--import', 'tsx', generator], { cwd: service, stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
