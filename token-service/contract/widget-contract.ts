import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenApiDocument } from './openapi-document.js';

/** The widget's copy of the contract: generated, committed, checked by token-service/test/contract.test.ts. */
export const WIDGET_CONTRACT_FILE = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../widget/src/core/api.generated.ts',
);

const HEADER = `// GENERATED FILE, do not edit. Source: the token service's zod schemas (token-service/src/schemas.ts),
// through its /openapi.json. Regenerate with \`npm run contract\` (the widget build does it too);
// token-service/test/contract.test.ts fails when this file is stale.
// Types only, plus the few values the widget needs at run time (no zod, no runtime library).
`;

/**
 * The widget's contract module for an OpenAPI document: openapi-typescript's `paths` and `components`, then the
 * run-time constants read from the same document (the room-name pattern, the error codes).
 */
export async function renderWidgetContract(doc: OpenApiDocument): Promise<string> {
  const ast = await openapiTS(doc as never, {
    // Request fields that have a default are optional for the client (the service fills them in).
    defaultNonNullable: false,
  });
  const types = astToString(ast).trimEnd();
  return `${HEADER}\n${types}\n\n${constants(doc)}`;
}

function constants(doc: OpenApiDocument): string {
  const schemas = doc.components?.schemas ?? {};
  const pattern = schemas['RoomName']?.['pattern'];
  if (typeof pattern !== 'string') throw new Error('The OpenAPI document has no components.schemas.RoomName.pattern');
  const codes = schemas['ErrorCode']?.['enum'];
  if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string')) {
    throw new Error('The OpenAPI document has no components.schemas.ErrorCode.enum');
  }
  return `/** \`RoomName\`: the pattern every room name matches (the service answers 400 otherwise). */
export const ROOM_NAME_PATTERN = /${pattern.replace(/\//g, '\\/')}/;

/** \`ErrorCode\`: every \`error.code\` the service answers. */
export const ERROR_CODES: readonly components["schemas"]["ErrorCode"][] = [${codes.map((c) => JSON.stringify(c)).join(', ')}];
`;
}
