import { describe, expect, it } from 'vitest';
import { formatAxisQuantity, formatBytes, formatGigabytes, formatNumber, formatQuantity, formatShare } from './units';

const NBSP = '\u00a0';
const NNBSP = '\u202f'; // French thousands separator

describe('formatBytes', () => {
  it('uses binary multiples with one decimal below 100', () => {
    expect(formatBytes(8 * 2 ** 30)).toBe('8 Go');
    expect(formatBytes(5.94 * 2 ** 30)).toBe('5,9 Go');
    expect(formatBytes(200 * 2 ** 30)).toBe('200 Go');
    expect(formatBytes(1536 * 2 ** 40)).toBe('1,5 Po');
    expect(formatBytes(1536 * 2 ** 40, 'en-GB')).toBe('1.5 PB');
    expect(formatBytes(512)).toBe('512 o');
    expect(formatBytes(5.94 * 2 ** 30, 'en-GB')).toBe('5.9 GB');
  });
});

describe('formatQuantity', () => {
  it('formats each sample unit for people', () => {
    expect(formatQuantity(45.25, 'percent')).toBe(`45${NBSP}%`);
    expect(formatQuantity(4.25, 'percent')).toBe(`4,3${NBSP}%`);
    expect(formatQuantity(0.9551, 'ratio')).toBe(`95,5${NBSP}%`);
    expect(formatQuantity(12345.6, 'ops/s')).toBe(`12${NNBSP}346 op./s`);
    expect(formatQuantity(37.25, 'req/s')).toBe('37,3 requêtes/s');
    expect(formatQuantity(37.25, 'req/s', 'en-GB')).toBe('37.3 requests/s');
    expect(formatQuantity(3.214, 'cores')).toBe('3,21 cœurs');
    expect(formatQuantity(613, 'count')).toBe('613');
    expect(formatQuantity(2_500_000, 'count')).toBe(`2,5${NBSP}M`);
    expect(formatQuantity(1500, 'iops')).toBe(`1${NNBSP}500 IOPS`);
    expect(formatQuantity(7, 'widgets')).toBe('7 widgets');
    expect(formatQuantity(8 * 2 ** 30, 'bytes')).toBe('8 Go');
    // Kubernetes memory in GiB, and what counts count
    expect(formatQuantity(1.328, 'GiB')).toBe('1,33 Gio');
    expect(formatQuantity(1.328, 'GiB', 'en-GB')).toBe('1.33 GiB');
    expect(formatQuantity(30, 'replicas')).toBe('30 réplicas');
    expect(formatQuantity(30, 'replicas', 'en-US')).toBe('30 replicas');
    expect(formatQuantity(3000, 'connections', 'en-GB')).toBe('3,000 connections');
    expect(formatQuantity(1, 'replicas', 'en-GB')).toBe('1 replica');
    expect(formatQuantity(1, 'nodes')).toBe('1 nœud');
    expect(formatQuantity(2, 'nodes')).toBe('2 nœuds');
  });

  it('writes decimal gigabytes as bills and CDNs count them', () => {
    expect(formatGigabytes(3534)).toBe('3,53 To');
    expect(formatGigabytes(3534, 'en-GB')).toBe('3.53 TB');
    expect(formatGigabytes(100)).toBe('100 Go');
    expect(formatGigabytes(93.1, 'en-US')).toBe('93.1 GB');
    expect(formatGigabytes(999.6, 'en-GB')).toBe('1 TB');
    expect(formatGigabytes(50_000)).toBe('50 To');
  });

  it('shortens axis ticks', () => {
    expect(formatAxisQuantity(50, 'percent')).toBe(`50${NBSP}%`);
    expect(formatAxisQuantity(25_000, 'ops/s', 'en-GB')).toBe('25k');
    expect(formatAxisQuantity(4 * 2 ** 30, 'bytes')).toBe('4 Go');
  });
});

describe('formatShare and formatNumber', () => {
  it('has no sign and adapts decimals to size', () => {
    expect(formatShare(0.26)).toBe(`26${NBSP}%`);
    expect(formatShare(0.255, 'en-GB', 1)).toBe('25.5%');
    expect(formatNumber(0.04219, 'en-GB')).toBe('0.042');
    expect(formatNumber(99.95, 'en-GB')).toBe('100');
    expect(formatNumber(0)).toBe('0');
  });
});
