// Removes a connection and its provider insights. Its cost records, resources and run log stay:
// they are what was spent and seen (the run log and resources lose the link).
import { audit } from '../audit';
import { prisma } from '../db';
import { logger } from '../logger';
import type { TAuditActor } from './audit-actor';
import { findConnection } from './find-connection';

export async function deleteConnection(actor: TAuditActor, ref: string): Promise<{ id: string; name: string }> {
  const row = await findConnection(ref);
  await prisma.connection.delete({ where: { id: row.id } });
  await audit(actor, 'connection.delete', { type: 'connection', id: row.id }, { provider: row.provider, name: row.name });
  logger.info({ connectionId: row.id, provider: row.provider }, 'connection deleted');
  return { id: row.id, name: row.name };
}
