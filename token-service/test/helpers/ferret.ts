import { MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll } from 'vitest';
import { startFerretDB, type FerretDB } from '../../../scripts/kit/index.mjs';

/**
 * Starts FerretDB (MongoDB's wire protocol) for the calling test file, with one connected client, and stops both
 * after the file. `nextDb()` gives every test a database of its own: `<prefix>_<n>`.
 */
export function useFerretDB(prefix: string): { nextDb: () => Db; readonly uri: string; readonly client: MongoClient } {
  let ferret: FerretDB | undefined;
  let client: MongoClient | undefined;
  let n = 0;
  beforeAll(async () => {
    ferret = await startFerretDB();
    client = new MongoClient(ferret.uri, { serverSelectionTimeoutMS: 5000 });
    await client.connect();
  });
  afterAll(async () => {
    await client?.close();
    await ferret?.cleanup();
  });
  return {
    nextDb: () => client!.db(`${prefix}_${++n}`),
    get uri() {
      return ferret!.uri;
    },
    get client() {
      return client!;
    },
  };
}
