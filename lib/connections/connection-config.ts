// A stored connection's settings and decrypted credentials, validated by its connector's schemas.
// Only syncs and tests call this; nothing that answers a browser returns what it gives.
import { parseConnectionConfig } from '../connectors/registry';
import type { TProvider } from '../connectors/types';
import { decryptCredentials, encryptCredentials } from '../crypto/credentials';
import type { Connection } from '../generated/prisma/client';

// Binds a credentials blob to its connection: copied onto another row it does not decrypt.
export function credentialsContext(connectionId: string): string {
  return `connection:${connectionId}`;
}

export function storedCredentials(row: Pick<Connection, 'id' | 'credentialsEnc'>): Record<string, unknown> {
  return row.credentialsEnc ? decryptCredentials(row.credentialsEnc, { context: credentialsContext(row.id) }) : {};
}

export function sealCredentials(connectionId: string, credentials: Record<string, unknown>): string | null {
  return Object.keys(credentials).length ? encryptCredentials(credentials, { context: credentialsContext(connectionId) }) : null;
}

export function loadConnectionConfig(row: Connection): { settings: unknown; credentials: unknown } {
  return parseConnectionConfig(row.provider as TProvider, { settings: row.settings, credentials: storedCredentials(row) });
}
