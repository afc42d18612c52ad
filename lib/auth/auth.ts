// better-auth: e-mail and password sign-in (scrypt hashes), database sessions, rate-limited sign-in.
// Accounts are created by admins (or at first start), never by self sign-up.
import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { prisma } from '../db';
import { appUrl, env, requireEnv } from '../env';
import { CLIENT_ADDRESS_HEADER } from '../http/client-address';
import { logger } from '../logger';
import { recordSignIn, takeSignInAttempt } from './account-rate-limit';

// The client address the auth route resolved (auth-request.ts), as the hooks see the request.
function addressOf(ctx: { headers?: Headers; request?: Request }): string | null {
  return ctx.request?.headers.get(CLIENT_ADDRESS_HEADER) ?? ctx.headers?.get(CLIENT_ADDRESS_HEADER) ?? null;
}

// A sign-in with no client address means the server did not stamp the socket's address on the
// request (instrumentation.ts not run): the per-address limits then fall back to one shared bucket
// ('unknown'), which every client shares. Said once, loudly enough to be seen.
let warnedNoAddress = false;
function warnNoAddressOnce(): void {
  if (warnedNoAddress) return;
  warnedNoAddress = true;
  logger.warn(
    { component: 'auth' },
    'a sign-in arrived with no client address (the peer-address stamp of instrumentation.ts is missing): the per-address sign-in limits fall back to one bucket shared by every client',
  );
}

function createAuth() {
  const config = env();
  return betterAuth({
    appName: 'Tourmalet',
    baseURL: appUrl(),
    secret: requireEnv('AUTH_SECRET'),
    database: prismaAdapter(prisma, { provider: 'postgresql' }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 256 },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    user: {
      additionalFields: {
        role: { type: 'string', input: false, defaultValue: 'viewer' },
        disabled: { type: 'boolean', input: false, defaultValue: false },
        locale: { type: 'string', input: false, required: false },
        mustChangePassword: { type: 'boolean', input: false, defaultValue: false },
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'rateLimit',
      window: 60,
      max: 300,
      customRules: { '/sign-in/email': { window: 60, max: config.SIGNIN_ATTEMPTS_PER_MINUTE } },
    },
    advanced: {
      // the address the auth route resolved from the socket and TRUSTED_PROXIES (auth-request.ts),
      // never X-Forwarded-For as the client sent it
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      useSecureCookies: (config.APP_URL ?? '').startsWith('https://'),
      // better-auth turns its origin and CSRF checks off when NODE_ENV is test: keep them on, so
      // the tests see what production does
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email' || typeof ctx.body?.email !== 'string') return;
        const address = addressOf(ctx);
        if (!address) warnNoAddressOnce();
        const wait = await takeSignInAttempt(ctx.body.email, config.SIGNIN_ATTEMPTS_PER_MINUTE, Date.now(), address);
        if (wait !== null) {
          throw new APIError('TOO_MANY_REQUESTS', { message: `Too many attempts. Try again in ${wait} s.` }, { 'Retry-After': String(wait) });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email' || typeof ctx.body?.email !== 'string') return;
        if (ctx.context.newSession) await recordSignIn(ctx.body.email, addressOf(ctx));
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // a disabled account cannot start a session, whatever its password
          before: async (session) => {
            const user = await prisma.user.findUnique({ where: { id: session.userId }, select: { disabled: true } });
            return user && !user.disabled ? { data: session } : false;
          },
        },
      },
    },
    // better-auth's own messages go to the JSON log (it would print plain text to the console)
    logger: {
      level: 'warn',
      log: (level, message) => logger[level]({ component: 'auth' }, message),
    },
    trustedOrigins: config.APP_URL ? [config.APP_URL] : [],
    plugins: [nextCookies()],
  });
}

type TAuth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { tourmaletAuth?: TAuth };

export function auth(): TAuth {
  globalForAuth.tourmaletAuth ??= createAuth();
  return globalForAuth.tourmaletAuth;
}
