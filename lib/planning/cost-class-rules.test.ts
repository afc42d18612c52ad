import { describe, expect, it } from 'vitest';
import { classResolver, defaultResourceClass, hasCategoryRules, isMappedClass, MAPPED_CLASSES } from './cost-class-rules';

const cls = (provider: string, service: string) => defaultResourceClass({ provider, service }).resourceClass;

describe('default cost class rules', () => {
  it.each([
    ['AWS', 'Amazon Elastic Compute Cloud', 'application'],
    ['AWS', 'Amazon Elastic Kubernetes Service', 'application'],
    ['AWS', 'Amazon Elastic Container Service', 'application'],
    ['AWS', 'AWS Fargate', 'application'],
    ['AWS', 'Elastic Load Balancing', 'application'],
    ['AWS', 'Savings Plans for AWS Compute usage', 'application'],
    ['AWS', 'Amazon Simple Storage Service', 'objectStorage'],
    ['AWS', 'Amazon CloudFront', 'cdn'],
    ['AWS', 'AWS Data Transfer', 'cdn'],
    ['Cloudflare', 'CDN & Security', 'cdn'],
    ['Cloudflare', 'Workers', 'cdn'],
    ['Cloudflare', 'Load Balancing', 'cdn'],
    ['MongoDB Atlas', 'MongoDB Atlas', 'atlas'],
    ['Redis Cloud', 'Redis Cloud Pro', 'redis'],
    ['AWS', 'Amazon ElastiCache', 'redis'],
    ['Grafana Labs', 'Grafana Cloud', 'monitoring'],
    ['AWS', 'AmazonCloudWatch', 'monitoring'],
    ['AWS', 'Amazon Managed Service for Prometheus', 'monitoring'],
    ['AWS', 'AWS Support (Business)', 'unmapped'],
    ['AWS', 'Tax', 'unmapped'],
    ['Acme', 'Something new', 'unmapped'],
  ])('%s %s → %s', (provider, service, expected) => {
    expect(cls(provider, service)).toBe(expected);
  });

  it('says which rule matched, and none for an unmapped service', () => {
    expect(defaultResourceClass({ provider: 'AWS', service: 'AWS Data Transfer' }).rule).toMatch(/origin egress/);
    expect(defaultResourceClass({ provider: 'AWS', service: 'AWS Support (Business)' }).rule).toBeNull();
  });

  it('knows the classes and unmapped, nothing else', () => {
    expect(MAPPED_CLASSES).toContain('unmapped');
    expect(isMappedClass('objectStorage')).toBe(true);
    expect(isMappedClass('storage')).toBe(false);
  });
});

describe('explicit cost class rules', () => {
  const resolve = classResolver([
    { provider: 'AWS', service: 'AWS Data Transfer', category: '', resourceClass: 'application' },
    { provider: 'AWS', service: 'Amazon Elastic Compute Cloud', category: 'Networking', resourceClass: 'cdn' },
    { provider: 'AWS', service: 'AWS Support (Business)', category: '', resourceClass: 'unmapped' },
  ]);

  it('win over the defaults', () => {
    expect(resolve({ provider: 'AWS', service: 'AWS Data Transfer', category: 'Networking' })).toEqual({ resourceClass: 'application', source: 'override' });
    expect(resolve({ provider: 'AWS', service: 'Amazon Simple Storage Service' })).toEqual({ resourceClass: 'objectStorage', source: 'default' });
  });

  it('for a category apply to that category only', () => {
    expect(resolve({ provider: 'AWS', service: 'Amazon Elastic Compute Cloud', category: 'Networking' }).resourceClass).toBe('cdn');
    expect(resolve({ provider: 'AWS', service: 'Amazon Elastic Compute Cloud', category: 'Compute' })).toEqual({ resourceClass: 'application', source: 'default' });
    expect(hasCategoryRules([{ provider: 'AWS', service: 'S', category: 'Storage', resourceClass: 'cdn' }], 'AWS', 'S')).toBe(true);
    expect(hasCategoryRules([{ provider: 'AWS', service: 'S', category: '', resourceClass: 'cdn' }], 'AWS', 'S')).toBe(false);
  });

  it('match provider and service exactly: another provider of the same service name keeps its default', () => {
    expect(resolve({ provider: 'Other', service: 'AWS Data Transfer' }).source).toBe('default');
  });
});
