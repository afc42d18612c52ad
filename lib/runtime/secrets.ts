// Keys that must survive restarts: from the environment when set, otherwise generated once and
// kept in DATA_DIR/secrets.json (mode 600). Multi-instance deployments set them explicitly.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

type TSecrets = { ENCRYPTION_KEY: string; AUTH_SECRET: string };

export function resolveSecrets(dataDir: string, given: Partial<TSecrets>): TSecrets {
  if (given.ENCRYPTION_KEY && given.AUTH_SECRET) return given as TSecrets;
  const file = path.resolve(dataDir, 'secrets.json');
  let stored: Partial<TSecrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<TSecrets>;
  const secrets: TSecrets = {
    ENCRYPTION_KEY: given.ENCRYPTION_KEY ?? stored.ENCRYPTION_KEY ?? crypto.randomBytes(32).toString('base64'),
    AUTH_SECRET: given.AUTH_SECRET ?? stored.AUTH_SECRET ?? crypto.randomBytes(32).toString('base64url'),
  };
  const toStore = { ENCRYPTION_KEY: stored.ENCRYPTION_KEY, AUTH_SECRET: stored.AUTH_SECRET };
  let changed = false;
  if (!given.ENCRYPTION_KEY && !stored.ENCRYPTION_KEY) (toStore.ENCRYPTION_KEY = secrets.ENCRYPTION_KEY), (changed = true);
  if (!given.AUTH_SECRET && !stored.AUTH_SECRET) (toStore.AUTH_SECRET = secrets.AUTH_SECRET), (changed = true);
  if (changed) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(toStore, null, 2), { mode: 0o600 });
  }
  return secrets;
}
