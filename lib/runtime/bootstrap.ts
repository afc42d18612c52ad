// Shared start-up for every process (app launcher, worker, CLI, tests): validates the
// configuration, finds or starts the database, resolves the keys, and exports them to children.
import fs from 'node:fs';
import path from 'node:path';
import { env, setEnv } from '../env';
import { startEmbeddedPostgres, type TEmbedded } from './embedded-postgres';
import { resolveSecrets } from './secrets';

export type TRuntime = {
  databaseUrl: string;
  embedded: boolean;
  dataDir: string;
  stop: () => Promise<void>;
};

export async function bootstrap(options: { log?: (line: string) => void } = {}): Promise<TRuntime> {
  const config = env();
  const dataDir = path.resolve(config.DATA_DIR);
  fs.mkdirSync(dataDir, { recursive: true });
  let embedded: TEmbedded | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir, port: config.EMBEDDED_PG_PORT, log: options.log });
    databaseUrl = embedded.url;
  }
  const secrets = resolveSecrets(dataDir, { ENCRYPTION_KEY: config.ENCRYPTION_KEY, AUTH_SECRET: config.AUTH_SECRET });
  setEnv({ DATABASE_URL: databaseUrl, ...secrets, DATA_DIR: dataDir });
  return {
    databaseUrl,
    embedded: Boolean(embedded),
    dataDir,
    stop: async () => {
      if (embedded?.startedHere) await embedded.stop();
    },
  };
}
