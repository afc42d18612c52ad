// Seeds the e2e database: the demo dataset, one account per role, and a viewer API token.
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN, EDITOR, FRENCH_ADMIN, FRENCH_VIEWER, VIEWER } from '../e2e/fixtures';
import { prisma } from '../lib/db';
import { createApiToken } from '../lib/auth/tokens';
import { createUser } from '../lib/auth/users';
import { disconnect } from '../lib/db';
import { setEnv } from '../lib/env';
import { prepareData } from '../lib/runtime/prepare-data';

async function main() {
  setEnv({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, DEMO: '1' });
  await prepareData({ embedded: false, now: new Date(), log: (line) => process.stdout.write(`[e2e-seed] ${line}\n`) });
  // the specs read English; FRENCH_VIEWER keeps the organisation's default (LOCALE, French)
  await prisma.user.update({ where: { email: ADMIN.email }, data: { locale: 'en-GB' } });
  await createUser({ ...VIEWER, name: 'Vera Viewer', role: 'viewer', locale: 'en-GB' });
  await createUser({ ...EDITOR, name: 'Eddie Editor', role: 'editor', locale: 'en-GB' });
  await createUser({ ...FRENCH_VIEWER, name: 'Françoise Lectrice', role: 'viewer' });
  await createUser({ ...FRENCH_ADMIN, name: 'Aurélie Admin', role: 'admin' });
  const { token } = await createApiToken({ name: 'e2e-viewer', role: 'viewer' });
  fs.writeFileSync(path.join('test-results', 'e2e-viewer-token'), token, { mode: 0o600 });
  await disconnect();
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
