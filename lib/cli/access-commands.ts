// CLI commands for people and API tokens.
import { resetPassword } from '../account/reset-password';
import { audit } from '../audit';
import { ROLES, ZRole } from '../auth/roles';
import { createApiToken, revokeApiToken } from '../auth/tokens';
import { createUser, generatePassword } from '../auth/users';
import { listApiTokens, listUsers } from '../queries/list-access';
import { CliUsageError, option, positional, type TCliCommand } from './types';

function role(value: string | undefined) {
  const parsed = ZRole.safeParse(value ?? 'viewer');
  if (!parsed.success) throw new CliUsageError(`--role must be one of ${ROLES.join(', ')}`);
  return parsed.data;
}

export const accessCommands: TCliCommand[] = [
  {
    name: 'token:create',
    usage: 'token:create NAME [--role viewer|editor|admin] [--expires-in-days N]',
    summary: 'create an API token; the token is printed alone on the last line',
    valueOptions: ['role', 'expires-in-days'],
    run: async (args, io) => {
      const name = positional(args, 0, 'NAME');
      const days = option(args, 'expires-in-days');
      if (days !== undefined && !/^\d+$/.test(days)) throw new CliUsageError('--expires-in-days must be a whole number');
      const created = await createApiToken({
        name,
        role: role(option(args, 'role')),
        expiresAt: days ? new Date(Date.now() + Number(days) * 86_400_000) : null,
      });
      await audit({ type: 'cli', label: 'cli' }, 'token.create', { type: 'api_token', id: created.id }, { name });
      io.out(`Created API token "${name}" (${option(args, 'role') ?? 'viewer'}). It is shown once:`);
      io.out(created.token);
      return 0;
    },
  },
  {
    name: 'token:list',
    usage: 'token:list',
    summary: 'list API tokens (never the tokens themselves)',
    run: async (_args, io) => {
      for (const t of await listApiTokens()) {
        io.out(`${t.id}  ${t.prefix}…  ${t.role.padEnd(6)}  ${t.revokedAt ? 'revoked' : 'active '}  last used ${t.lastUsedAt ?? 'never'}  ${t.name}`);
      }
      return 0;
    },
  },
  {
    name: 'token:revoke',
    usage: 'token:revoke ID',
    summary: 'revoke an API token',
    run: async (args, io) => {
      const id = positional(args, 0, 'ID');
      await revokeApiToken(id);
      await audit({ type: 'cli', label: 'cli' }, 'token.revoke', { type: 'api_token', id });
      io.out(`revoked ${id}`);
      return 0;
    },
  },
  {
    name: 'user:create',
    usage: 'user:create EMAIL [--name NAME] [--role viewer|editor|admin] [--password PASSWORD]',
    summary: 'create a person (a password is generated and printed when not given)',
    valueOptions: ['name', 'role', 'password'],
    run: async (args, io) => {
      const email = positional(args, 0, 'EMAIL');
      const password = option(args, 'password') ?? generatePassword();
      const user = await createUser({ email, name: option(args, 'name') ?? email.split('@')[0], role: role(option(args, 'role')), password });
      await audit({ type: 'cli', label: 'cli' }, 'user.create', { type: 'user', id: user.id }, { email: user.email, role: user.role });
      io.out(`created ${user.email} (${user.role})`);
      if (!option(args, 'password')) io.out(`password: ${password}`);
      return 0;
    },
  },
  {
    name: 'user:list',
    usage: 'user:list',
    summary: 'list people',
    run: async (_args, io) => {
      for (const u of await listUsers()) io.out(`${u.email.padEnd(32)} ${u.role.padEnd(6)} ${u.disabled ? 'disabled' : 'active'}  ${u.name}`);
      return 0;
    },
  },
  {
    name: 'user:reset-password',
    usage: 'user:reset-password EMAIL',
    summary: 'reset a password to a one-time password, printed once; the person chooses their own at the next sign-in',
    run: async (args, io) => {
      const email = positional(args, 0, 'EMAIL');
      const reset = await resetPassword({ type: 'cli', label: 'cli' }, { email });
      io.out(`Reset the password of ${reset.email}; their sessions are ended. The one-time password is shown once:`);
      io.out(reset.password);
      return 0;
    },
  },
];
