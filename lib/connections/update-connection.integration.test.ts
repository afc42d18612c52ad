import { beforeEach, describe, expect, it } from 'vitest';
import { truncate } from '../../test/db';
import { createConnection } from './create-connection';
import { updateConnection } from './update-connection';

const actor = { type: 'system' as const, label: 'test' };

describe('changing where a connection points', () => {
  beforeEach(() => truncate('connection', 'audit_log'));

  it('needs the credentials again, so stored secrets never follow it to a new host', async () => {
    await createConnection(actor, {
      provider: 'cloudflare',
      name: 'cf',
      settings: { baseUrl: 'https://api.cloudflare.com/client/v4' },
      credentials: { apiToken: 'cf-token-0123456789abcdef' },
    });
    await expect(updateConnection(actor, 'cf', { settings: { baseUrl: 'https://collector.example.net/v4' } })).rejects.toThrow(
      /changing baseUrl needs the credentials again/,
    );
    const moved = await updateConnection(actor, 'cf', {
      settings: { baseUrl: 'https://collector.example.net/v4' },
      credentials: { apiToken: 'another-token-0123456789' },
    });
    expect(moved.settings.baseUrl).toBe('https://collector.example.net/v4');
    // other settings still change without the secrets
    await expect(updateConnection(actor, 'cf', { settings: { zones: '0123456789abcdef0123456789abcdef' } })).resolves.toBeTruthy();
  });

  it('refuses a URL setting that carries a password', async () => {
    await expect(
      createConnection(actor, { provider: 'prometheus', name: 'prom', settings: { url: 'https://admin:pw@prom.example.net' }, credentials: {} }),
    ).rejects.toThrow(/url: must not contain a user name or password/);
  });
});
