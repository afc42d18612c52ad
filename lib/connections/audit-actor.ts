// Who changes a connection, as the audit log records it.
import type { audit } from '../audit';

export type TAuditActor = Parameters<typeof audit>[0];
