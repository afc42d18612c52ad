// Points lib/env at the run's throwaway database before any test module connects.
import { inject } from 'vitest';
import { setEnv } from '../lib/env';

setEnv({
  DATABASE_URL: inject('databaseUrl'),
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  AUTH_SECRET: 'integration-test-secret-integration-test-secret',
  LOG_LEVEL: 'silent',
});
