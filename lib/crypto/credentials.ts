// Connection credentials at rest: AES-256-GCM under ENCRYPTION_KEY, stored as
// base64(iv | tag | ciphertext). The connection id is bound in as associated data, so a blob
// copied onto another connection's row fails to decrypt instead of lending it its secrets.
import crypto from 'node:crypto';
import { requireEnv } from '../env';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CredentialsDecryptError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CredentialsDecryptError';
  }
}

export function encryptionKey(value: string = requireEnv('ENCRYPTION_KEY')): Buffer {
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw new Error('ENCRYPTION_KEY must be 32 bytes encoded as base64');
  return key;
}

export function encryptCredentials(
  credentials: Record<string, unknown>,
  options: { context: string; key?: Buffer },
): string {
  const key = options.key ?? encryptionKey();
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(options.context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64');
}

export function decryptCredentials(blob: string, options: { context: string; key?: Buffer }): Record<string, unknown> {
  const key = options.key ?? encryptionKey();
  const raw = Buffer.from(blob, 'base64');
  if (raw.length < IV_BYTES + TAG_BYTES)
    throw new CredentialsDecryptError('stored credentials are truncated: enter them again');
  const iv = raw.subarray(0, IV_BYTES);
  const tag = raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES);
  const ciphertext = raw.subarray(IV_BYTES + TAG_BYTES);
  let text: string;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(options.context, 'utf8'));
    decipher.setAuthTag(tag);
    text = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch (e) {
    throw new CredentialsDecryptError(
      'stored credentials cannot be decrypted: ENCRYPTION_KEY is not the key they were saved with, or the stored value was altered; enter the credentials again',
      { cause: e },
    );
  }
  const value: unknown = JSON.parse(text);
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new CredentialsDecryptError('stored credentials are not an object: enter them again');
  return value as Record<string, unknown>;
}
