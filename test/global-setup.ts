// Vitest global setup for integration tests: one migrated throwaway database per run, unless the
// test launcher (scripts/test.ts) already made one and passed it in TOURMALET_TEST_DATABASE_URL.
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { env } from '../lib/env';
import { startEmbeddedPostgres } from '../lib/runtime/embedded-postgres';
import { createTestDatabase } from '../lib/runtime/test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.TOURMALET_TEST_DATABASE_URL;
  if (given) {
    project.provide('databaseUrl', given);
    return;
  }
  let serverUrl = env().DATABASE_URL;
  let stopServer = async () => undefined as void;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), 'tourmalet-test-pg'), port: 54339 });
    serverUrl = embedded.url;
    stopServer = embedded.stop;
  }
  const db = await createTestDatabase(serverUrl, 'it');
  project.provide('databaseUrl', db.url);
  return async () => {
    await db.drop();
    await stopServer();
  };
}
