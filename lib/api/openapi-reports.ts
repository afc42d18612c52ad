// OpenAPI operations of the weekly report: schedules, sends, the delivery log, one-click unsubscribe.
import { z } from 'zod';
import type { TOperation } from './openapi';
import { ZReportDeliveriesQuery, ZReportDelivery, ZReportSchedule, ZSendReport, ZSendReportResult, ZUnsubscribeQuery } from './schemas/reports';
import { ZCreateReportSchedule, ZUpdateReportSchedule } from '../reports/schedule-schema';

export const reportOperations: TOperation[] = [
  { method: 'get', path: '/api/v1/report-schedules', summary: 'The weekly report’s schedules', response: z.object({ schedules: z.array(ZReportSchedule) }), tag: 'reports' },
  { method: 'post', path: '/api/v1/report-schedules', summary: 'Create a schedule (default Monday 08:00 Europe/Paris, French, EUR); 400 names a bad cron, zone, address or role', body: ZCreateReportSchedule, response: ZReportSchedule, tag: 'reports' },
  { method: 'get', path: '/api/v1/report-schedules/{id}', summary: 'One schedule', response: ZReportSchedule, tag: 'reports' },
  { method: 'patch', path: '/api/v1/report-schedules/{id}', summary: 'Change a schedule (enable or disable it with enabled)', body: ZUpdateReportSchedule, response: ZReportSchedule, tag: 'reports' },
  { method: 'delete', path: '/api/v1/report-schedules/{id}', summary: 'Delete a schedule and its delivery log', tag: 'reports' },
  {
    method: 'post',
    path: '/api/v1/report-schedules/{id}/send',
    summary: 'Send the report now, to the schedule’s recipients or to one address (a test); 422 says what to set when no SMTP server is configured',
    body: ZSendReport,
    response: ZSendReportResult,
    tag: 'reports',
  },
  { method: 'get', path: '/api/v1/report-deliveries', summary: 'The delivery log, newest first', query: ZReportDeliveriesQuery, response: z.object({ deliveries: z.array(ZReportDelivery) }), tag: 'reports' },
  { method: 'get', path: '/api/v1/report-schedules/unsubscribe', summary: 'The unsubscribe link’s confirmation page (HTML); changes nothing', query: ZUnsubscribeQuery, responseContentType: 'text/html', tag: 'reports' },
  {
    method: 'post',
    path: '/api/v1/report-schedules/unsubscribe',
    summary: 'One-click unsubscribe (RFC 8058): removes the token’s address from the token’s schedule; the body is List-Unsubscribe=One-Click',
    query: ZUnsubscribeQuery,
    requestContentType: ['application/x-www-form-urlencoded'],
    responseContentType: 'text/html',
    tag: 'reports',
  },
];
