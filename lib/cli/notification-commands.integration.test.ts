import { afterAll, beforeEach, expect, it } from 'vitest';
import { disconnect } from '../db';
import { createChannel } from '../notifications/save-channel';
import { truncate } from '@/test/db';
import { notificationCommands } from './notification-commands';

const run = async (name: string, positionals: string[], options: Record<string, string> = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await notificationCommands.find((c) => c.name === name)!.run({ positionals, options }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

beforeEach(() => truncate('notification', 'notification_subscription', 'notification_channel', 'audit_log'));
afterAll(() => disconnect());

it('lists channels without their secrets, tests one and shows the log', async () => {
  const hook = await createChannel({ type: 'cli', label: 'test' }, { type: 'webhook', name: 'Down', url: 'http://127.0.0.1:9/hooks/s3cretpath', secret: 'cli-secret-0123456789' });
  const listed = await run('channels', [], { format: 'json' });
  expect(listed.code).toBe(0);
  expect(listed.out).not.toContain('s3cretpath');
  expect(listed.out).not.toContain('cli-secret-0123456789');
  expect(JSON.parse(listed.out).channels[0]).toMatchObject({ name: 'Down', hasSecret: true });
  const tested = await run('channel:test', [hook.id]);
  expect(tested.code).toBe(1);
  expect(tested.err).toMatch(/^failed: /);
  const log = await run('notifications', [], { status: 'failed' });
  expect(log.out).toMatch(/failed\s+1×\s+Down\s+test/);
  await expect(run('notifications', [], { status: 'lost' })).rejects.toMatchObject({ issues: [expect.objectContaining({ field: 'status' })] });
});
