import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CredentialsDecryptError, decryptCredentials, encryptCredentials, encryptionKey } from './credentials';

const key = crypto.randomBytes(32);
const secret = { accessKeyId: 'AKIAEXAMPLE000000001', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

describe('credentials encryption', () => {
  it('round-trips and never contains the plaintext', () => {
    const blob = encryptCredentials(secret, { context: 'connection:a', key });
    expect(blob).not.toContain('wJalr');
    expect(Buffer.from(blob, 'base64').toString('latin1')).not.toContain('wJalr');
    // iv (12) + tag (16) + ciphertext as long as the JSON (GCM is a stream mode)
    expect(Buffer.from(blob, 'base64').length).toBe(12 + 16 + Buffer.byteLength(JSON.stringify(secret)));
    expect(decryptCredentials(blob, { context: 'connection:a', key })).toEqual(secret);
  });

  it('uses a fresh IV each time', () => {
    const a = encryptCredentials(secret, { context: 'c', key });
    const b = encryptCredentials(secret, { context: 'c', key });
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64').subarray(0, 12).equals(Buffer.from(b, 'base64').subarray(0, 12))).toBe(false);
  });

  it('refuses a tampered ciphertext, tag or IV', () => {
    const blob = Buffer.from(encryptCredentials(secret, { context: 'c', key }), 'base64');
    for (const index of [0, 12, 30, blob.length - 1]) {
      const altered = Buffer.from(blob);
      altered[index] ^= 0x01;
      expect(() => decryptCredentials(altered.toString('base64'), { context: 'c', key })).toThrow(CredentialsDecryptError);
    }
    expect(() => decryptCredentials(blob.subarray(0, 20).toString('base64'), { context: 'c', key })).toThrow(/truncated/);
  });

  it('refuses the wrong key and another connection’s context, saying what to do', () => {
    const blob = encryptCredentials(secret, { context: 'connection:a', key });
    expect(() => decryptCredentials(blob, { context: 'connection:a', key: crypto.randomBytes(32) })).toThrow(
      /ENCRYPTION_KEY is not the key they were saved with/,
    );
    expect(() => decryptCredentials(blob, { context: 'connection:b', key })).toThrow(CredentialsDecryptError);
  });

  it('checks the key length', () => {
    expect(() => encryptionKey(Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
    expect(encryptionKey(Buffer.alloc(32, 1).toString('base64')).length).toBe(32);
  });
});
