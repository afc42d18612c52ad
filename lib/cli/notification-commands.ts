// CLI commands for notification channels and the delivery log (operators checking why an alert did
// not arrive). Like the API, they never print a webhook's URL or secret.
import { ZNotificationsQuery, NOTIFICATION_STATUSES } from '../api/schemas/notifications';
import { parseInput } from '../connections/validate';
import { sendChannelTest } from '../notifications/send-test';
import { listChannels } from '../queries/list-channels';
import { listNotifications } from '../queries/list-notifications';
import { CliUsageError, option, positional, type TCliCommand } from './types';

function format(args: Parameters<TCliCommand['run']>[0]): 'table' | 'json' {
  const f = option(args, 'format') ?? 'table';
  if (f !== 'table' && f !== 'json') throw new CliUsageError('--format must be table or json');
  return f;
}

export const notificationCommands: TCliCommand[] = [
  {
    name: 'channels',
    usage: 'channels [--format table|json]',
    summary: 'list notification channels (never a webhook URL or secret)',
    valueOptions: ['format'],
    run: async (args, io) => {
      const channels = await listChannels();
      if (format(args) === 'json') io.out(JSON.stringify({ channels }, null, 2));
      else
        for (const c of channels)
          io.out(`${c.id}  ${c.type.padEnd(7)}  ${(c.lastDelivery?.status ?? '-').padEnd(9)}  ${c.name}  ${c.type === 'email' ? c.addresses.join(', ') : `${c.urlHint} (${c.format}${c.hasSecret ? ', signed' : ''})`}`);
      return 0;
    },
  },
  {
    name: 'channel:test',
    usage: 'channel:test ID',
    summary: 'send a test message on a channel now; exits 1 when it does not get through',
    run: async (args, io) => {
      const result = await sendChannelTest({ type: 'cli', label: 'cli' }, positional(args, 0, 'ID'));
      if (result.status === 'sent') io.out(`delivered (notification ${result.notificationId})`);
      else io.err(`${result.status}: ${result.error ?? ''}`);
      return result.status === 'sent' ? 0 : 1;
    },
  },
  {
    name: 'notifications',
    usage: `notifications [--status ${NOTIFICATION_STATUSES.join('|')}] [--channel ID] [--limit N] [--format table|json]`,
    summary: 'the delivery log, newest first',
    valueOptions: ['status', 'channel', 'limit', 'format'],
    run: async (args, io) => {
      const query = parseInput(ZNotificationsQuery, { status: option(args, 'status'), channelId: option(args, 'channel'), limit: option(args, 'limit') ?? '50' });
      const rows = await listNotifications(query);
      if (format(args) === 'json') io.out(JSON.stringify({ notifications: rows }, null, 2));
      else
        for (const r of rows)
          io.out(`${r.createdAt}  ${r.status.padEnd(9)}  ${String(r.attempts).padStart(2)}×  ${r.channelName}  ${r.kind}  ${r.subject ?? ''}${r.lastError ? `  — ${r.lastError}` : ''}`);
      return 0;
    },
  },
];
