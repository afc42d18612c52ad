import { describe, expect, it } from 'vitest';
import type { TCostRow } from './cost-rows';
import { contributionDimension, dimensionMonitors, scopeMatcher } from './monitor-scope';

const row = (over: Partial<TCostRow>): TCostRow => ({
  day: '2026-01-01',
  provider: 'AWS',
  service: 'Amazon EC2',
  region: 'eu-west-3',
  account: '111',
  accountName: 'prod',
  category: 'Compute',
  frequency: 'usage',
  estimated: false,
  amount: 1,
  ...over,
});

describe('monitor scopes', () => {
  it('makes one monitor for the total and each provider, service, region and account, skipping empty ids', () => {
    const monitors = dimensionMonitors([row({}), row({ service: 'Amazon S3', region: '' }), row({ provider: 'Cloud:flare', service: 'CDN', account: '' })]);
    expect(monitors.map((m) => `${m.kind} ${m.key} | ${m.name}`).sort()).toEqual([
      'account AWS:111 | AWS · prod',
      'provider AWS | AWS',
      'provider Cloud:flare | Cloud:flare',
      'region AWS:eu-west-3 | AWS · eu-west-3',
      'region Cloud%3Aflare:eu-west-3 | Cloud:flare · eu-west-3',
      'service AWS:Amazon EC2 | AWS · Amazon EC2',
      'service AWS:Amazon S3 | AWS · Amazon S3',
      'service Cloud%3Aflare:CDN | Cloud:flare · CDN',
      'total total | Total',
    ]);
    expect(dimensionMonitors([])).toEqual([]);
  });

  it('matches rows by every filter of a scope, keys parsed as the costs API gives them', () => {
    const match = scopeMatcher({ service: 'AWS:Amazon S3', category: 'Storage' });
    expect(match(row({ service: 'Amazon S3', category: 'Storage' }))).toBe(true);
    expect(match(row({ service: 'Amazon S3', category: 'Compute' }))).toBe(false);
    expect(match(row({ provider: 'GCP', service: 'Amazon S3', category: 'Storage' }))).toBe(false);
    expect(scopeMatcher({ category: '(none)' })(row({ category: '' }))).toBe(true);
    expect(scopeMatcher({})(row({}))).toBe(true);
  });

  it('explains a monitor by the next dimension down', () => {
    expect(contributionDimension('total', {})).toBe('provider');
    expect(contributionDimension('provider', { provider: 'AWS' })).toBe('service');
    expect(contributionDimension('service', { service: 'AWS:Amazon EC2' })).toBe('usageType');
    expect(contributionDimension('account', { account: 'AWS:1' })).toBe('service');
    expect(contributionDimension('custom', { service: 'AWS:Amazon EC2', region: 'AWS:eu-west-3' })).toBe('usageType');
    expect(contributionDimension('custom', { category: 'Storage' })).toBe('service');
  });
});
