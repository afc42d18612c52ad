import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ DATA_DIR: '.data', PORT: 3000, DISPLAY_CURRENCY: 'EUR', LOCALE: 'fr-FR', ORG_TIMEZONE: 'Europe/Paris' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('stops on a malformed value and names the variable', () => {
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(() => parseEnv({ ENCRYPTION_KEY: 'short' })).toThrow(/ENCRYPTION_KEY: must be 32 bytes/);
    expect(() => parseEnv({ DEMO: 'yes' })).toThrow(/DEMO/);
    expect(() => parseEnv({ ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD: must be at least 12 characters/);
    expect(() => parseEnv({ TRUSTED_PROXIES: '10.0.0.1, proxy.local' })).toThrow(/TRUSTED_PROXIES: "proxy.local" is not an IP address or CIDR range/);
    expect(parseEnv({ TRUSTED_PROXIES: '10.0.0.1, 10.1.0.0/16, fd00::/8' }).TRUSTED_PROXIES).toBe('10.0.0.1, 10.1.0.0/16, fd00::/8');
  });

  it('treats empty values as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', PORT: '' }).PORT).toBe(3000);
  });

  it('validates the e-mail settings together, without echoing the password', () => {
    const ok = parseEnv({ SMTP_URL: 'smtps://mailer:s3cret-pass@mail.example.com:465', MAIL_FROM: 'Tourmalet <costs@example.com>' });
    expect(ok.SMTP_URL).toBe('smtps://mailer:s3cret-pass@mail.example.com:465');
    expect(parseEnv({ SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'costs@example.com' }).MAIL_FROM).toBe('costs@example.com');
    expect(() => parseEnv({ SMTP_URL: 'http://mailer:s3cret-pass@mail.example.com', MAIL_FROM: 'a@b.co' })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    try {
      parseEnv({ SMTP_URL: 'https://mailer:s3cret-pass@mail.example.com', MAIL_FROM: 'a@b.co' });
    } catch (e) {
      expect((e as Error).message).not.toContain('s3cret-pass');
    }
    expect(() => parseEnv({ SMTP_URL: 'smtp://mail.example.com:587' })).toThrow(/MAIL_FROM: must be set when SMTP_URL is/);
    expect(() => parseEnv({ MAIL_FROM: 'costs@example.com' })).toThrow(/SMTP_URL: must be set when MAIL_FROM is/);
    expect(() => parseEnv({ SMTP_URL: 'smtp://mail.example.com', MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM: must be an e-mail address/);
  });
});
