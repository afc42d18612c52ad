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
  const missing = (['ENCRYPTION_KEY', 'AUTH_SECRET'] as const).filter((k) => !given[k] && !stored[k]);
  if (missing.length) {
    const toStore = { ...stored };
    for (const k of missing) toStore[k] = secrets[k];
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(toStore, null, 2), { mode: 0o600 });
  }
  return secrets;
}
