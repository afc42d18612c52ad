// OpenAPI operations for notification channels and the delivery log.
import { z } from 'zod';
import type { TOperation } from './openapi';
import { ZChannel, ZChannelTestResult, ZCreateChannel, ZNotification, ZNotificationsQuery, ZUpdateChannel } from './schemas/notifications';

export const notificationOperations: TOperation[] = [
  { method: 'get', path: '/api/v1/channels', summary: 'List notification channels (a webhook’s URL and secret are never returned: urlHint and hasSecret)', response: z.object({ channels: z.array(ZChannel) }), tag: 'notifications' },
  { method: 'post', path: '/api/v1/channels', summary: 'Add an e-mail channel ({type: email, name, addresses}) or a webhook ({type: webhook, name, url, secret?, format?: json|slack}); the URL and secret are stored encrypted', body: ZCreateChannel, response: ZChannel, tag: 'notifications' },
  { method: 'patch', path: '/api/v1/channels/{id}', summary: 'Change a channel; an absent url or secret keeps the stored one, secret null removes it', body: ZUpdateChannel, response: ZChannel, tag: 'notifications' },
  { method: 'delete', path: '/api/v1/channels/{id}', summary: 'Remove a channel and its subscriptions; its log stays, what it had not delivered is abandoned', tag: 'notifications' },
  { method: 'post', path: '/api/v1/channels/{id}/test', summary: 'Send a test message now (one attempt); the status says whether it got through, and the log keeps it', response: ZChannelTestResult, tag: 'notifications' },
  { method: 'get', path: '/api/v1/notifications', summary: 'The delivery log, newest first: channel, what, when, status, attempts, error (credentials redacted)', query: ZNotificationsQuery, response: z.object({ notifications: z.array(ZNotification) }), tag: 'notifications' },
];
