import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument, type OpenApiDocument } from '../contract/openapi-document.js';
import { WIDGET_CONTRACT_FILE, renderWidgetContract } from '../contract/widget-contract.js';
import { ErrorCode, ROOM_NAME_PATTERN } from '../src/schemas.js';

// The zod schemas are the one source of the API's shapes. The widget's copy (widget/src/core/api.generated.ts) is
// generated from the service's /openapi.json and committed; these tests fail when it is stale, and when the
// widget's client, views or test fixtures no longer typecheck against what the service documents.

const WIDGET = path.resolve(path.dirname(WIDGET_CONTRACT_FILE), '../..');
let doc: OpenApiDocument;
let fresh: string;

beforeAll(async () => {
  doc = await openApiDocument();
  fresh = await renderWidgetContract(doc);
});

describe('the widget contract (widget/src/core/api.generated.ts)', () => {
  it('is what the current schemas generate (else run `npm run contract` and commit it)', () => {
    const committed = fs.readFileSync(WIDGET_CONTRACT_FILE, 'utf8');
    expect(committed === fresh, 'widget/src/core/api.generated.ts is stale: run `npm run contract`').toBe(true);
  });

  it('carries what the widget used to copy by hand: roles, every source, the room-name pattern, the error codes', async () => {
    // The committed module as the widget runs it (outside this project's rootDir, hence the dynamic import).
    const widgetContract = (await import(pathToFileURL(WIDGET_CONTRACT_FILE).href)) as { ROOM_NAME_PATTERN: RegExp; ERROR_CODES: readonly string[] };
    expect(fresh).toContain('role: components["schemas"]["Role"]');
    expect(fresh).toContain('"screen_share_audio"');
    // TokenRequest.user_id is optional, as the schema says.
    expect(fresh).toMatch(/TokenRequest: \{[^}]*user_id\?: string;/);
    expect(widgetContract.ROOM_NAME_PATTERN.source).toBe(ROOM_NAME_PATTERN.source);
    expect([...widgetContract.ERROR_CODES]).toEqual(ErrorCode.options);
  });

  it(
    'the whole widget (client, views, test fixtures) typechecks against the freshly generated contract',
    () => {
      const config = widgetTsConfig();
      expect(typecheckWidget(fresh, config.fileNames)).toEqual([]);
    },
    180_000,
  );
});

describe('drift between the service and the widget fails the widget typecheck', () => {
  // A small program (the client and the test fixtures) against a contract generated from a doctored document.
  const roots = ['src/core/service-client.ts', 'src/test/helpers.ts'].map((f) => path.join(WIDGET, f));
  const schema = (d: OpenApiDocument, name: string) => d.components!.schemas![name] as { properties: Record<string, unknown>; required: string[]; enum?: string[] };

  it('the small program typechecks against the real contract (so the failures below are the drift)', () => {
    expect(typecheckWidget(fresh, roots)).toEqual([]);
  }, 120_000);

  it.each<[string, (d: OpenApiDocument) => void, string]>([
    [
      'a new required Permissions field (the join fixture lacks it)',
      (d) => {
        const p = schema(d, 'Permissions');
        p.properties['can_publish_data'] = { type: 'boolean' };
        p.required.push('can_publish_data');
      },
      'src/test/helpers.ts',
    ],
    [
      'a Room field renamed (the room fixture has the old name)',
      (d) => {
        const r = schema(d, 'Room');
        r.properties['present'] = r.properties['connected'];
        delete r.properties['connected'];
        r.required = r.required.map((f) => (f === 'connected' ? 'present' : f));
      },
      'src/test/helpers.ts',
    ],
    [
      'the join path renamed (the client calls the old one)',
      (d) => {
        d.paths['/api/livekit/rooms/{room_name}/admit'] = d.paths['/api/livekit/rooms/{room_name}/join'];
        delete d.paths['/api/livekit/rooms/{room_name}/join'];
      },
      'src/core/service-client.ts',
    ],
    [
      'the join body field renamed (the client sends `username`)',
      (d) => {
        const j = schema(d, 'JoinRequest');
        j.properties = { display_name: j.properties['username'] };
      },
      'src/core/service-client.ts',
    ],
    [
      'an error code dropped (the client maps 409 to room_exists)',
      (d) => {
        const e = schema(d, 'ErrorCode');
        e.enum = e.enum!.filter((c) => c !== 'room_exists');
      },
      'src/core/service-client.ts',
    ],
  ])('%s', async (_what, change, faultyFile) => {
    const drifted = structuredClone(doc);
    change(drifted);
    const errors = typecheckWidget(await renderWidgetContract(drifted), roots);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.startsWith(faultyFile))).toBe(true);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------------------------

function widgetTsConfig(): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(WIDGET, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (!parsed) throw new Error('cannot read widget/tsconfig.json');
  return parsed;
}

const parsedFiles = new Map<string, ts.SourceFile>(); // lib.dom.d.ts & co. are parsed once for all the programs

/** The widget's type errors (`file(line,col): message`) when api.generated.ts has `contract` as its content. */
function typecheckWidget(contract: string, rootNames: string[]): string[] {
  const options: ts.CompilerOptions = { ...widgetTsConfig().options, noEmit: true, declaration: false };
  const host = ts.createCompilerHost(options, true);
  const isContract = (f: string) => path.resolve(f) === WIDGET_CONTRACT_FILE;
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => (isContract(f) ? contract : readFile(f));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, language, onError, shouldCreate) => {
    if (isContract(f)) return ts.createSourceFile(f, contract, language, true);
    let sf = parsedFiles.get(f);
    if (!sf) {
      sf = getSourceFile(f, language, onError, shouldCreate);
      if (sf) parsedFiles.set(f, sf);
    }
    return sf;
  };
  const program = ts.createProgram({ rootNames, options, host });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    if (!d.file || d.start === undefined) return message;
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    return `${path.relative(WIDGET, d.file.fileName)}(${line + 1},${character + 1}): ${message}`;
  });
}
