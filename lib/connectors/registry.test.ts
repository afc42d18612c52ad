import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { connectors, credentialHint, getConnector, parseConnectionConfig, redactUrlCredentials, schemaKeys, splitSettings } from './registry';
import { PROVIDERS } from './types';

describe('connector registry', () => {
  it('has a connector for every provider, declaring that provider', () => {
    for (const p of PROVIDERS) expect(connectors[p].provider).toBe(p);
    expect(getConnector('aws').label).toBe('AWS Cost Explorer');
    expect(() => getConnector('gcp')).toThrow(AppError);
  });

  it('sorts --set values into settings and credentials by schema', () => {
    expect(schemaKeys(connectors.aws.credentialsSchema)).toEqual(['accessKeyId', 'secretAccessKey', 'sessionToken']);
    expect(
      splitSettings('aws', {
        accessKeyId: 'AKIAFAKE0000000001',
        secretAccessKey: 'shh',
        region: 'eu-west-3',
        roleArn: 'arn:aws:iam::123456789012:role/x',
        endpoint: 'http://127.0.0.1:4566',
      }),
    ).toEqual({
      settings: { region: 'eu-west-3', roleArn: 'arn:aws:iam::123456789012:role/x', endpoint: 'http://127.0.0.1:4566' },
      credentials: { accessKeyId: 'AKIAFAKE0000000001', secretAccessKey: 'shh' },
    });
    expect(() => splitSettings('aws', { regoin: 'eu-west-3' })).toThrow(/Unknown setting for aws: regoin \(known: region/);
  });

  it('validates a configuration with the connector schemas, naming the field', () => {
    const parsed = parseConnectionConfig('aws', { settings: { insights: 'false' }, credentials: { accessKeyId: 'AKIAFAKE0000000001', secretAccessKey: 's' } });
    expect(parsed.settings).toMatchObject({ region: 'us-east-1', insights: false, recommendationTerm: 'ONE_YEAR' });
    expect(() => parseConnectionConfig('aws', { settings: { endpoint: 'not a url' }, credentials: {} })).toThrow(/endpoint/);
  });

  it('takes only http and https addresses for a provider, naming the setting', () => {
    const cases: [Parameters<typeof parseConnectionConfig>[0], string][] = [
      ['prometheus', 'url'],
      ['cloudflare', 'baseUrl'],
      ['atlas', 'baseUrl'],
      ['redis-cloud', 'baseUrl'],
      ['aws', 'endpoint'],
    ];
    for (const [provider, key] of cases) {
      for (const bad of ['file:///etc/passwd', 'ftp://127.0.0.1/', 'javascript:alert(1)'])
        expect(() => parseConnectionConfig(provider, { settings: { [key]: bad }, credentials: {} }), `${provider} ${bad}`).toThrow(new RegExp(`${key}.*http`));
    }
  });

  it('shows at most the last 4 characters of a secret', () => {
    expect(credentialHint({ secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', short: 'abc123', n: 5 })).toEqual({
      secretAccessKey: 'EKEY',
      short: '',
    });
  });
});

describe('URL credentials in settings', () => {
  it('refuses a setting URL with a user name or password, naming the field', () => {
    expect(() =>
      parseConnectionConfig('prometheus', { settings: { url: 'https://admin:s3cret@prom.example.com' }, credentials: {} }),
    ).toThrow(/url: must not contain a user name or password/);
  });

  it('scrubs URL credentials from messages', () => {
    expect(redactUrlCredentials('unreachable at http://admin:s3cret@127.0.0.1:9/api (rediss://:pw@cache:6380)')).toBe(
      'unreachable at http://[redacted]@127.0.0.1:9/api (rediss://[redacted]@cache:6380)',
    );
    expect(redactUrlCredentials('plain https://host/path')).toBe('plain https://host/path');
  });
});
