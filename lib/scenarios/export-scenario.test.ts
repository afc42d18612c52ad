import { describe, expect, it } from 'vitest';
import { atlasRegion, atlasTier } from '@/lib/queries/get-paid-prices';
import { csvField, exportFileName } from './export-scenario';
import { normalisePrice } from './update-price';

describe('export and small parsers', () => {
  it('quotes CSV fields that need it', () => {
    expect(csvField('EC2 m6i.large, on-demand')).toBe('"EC2 m6i.large, on-demand"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField(null)).toBe('');
    expect(csvField(1.5)).toBe('1.5');
  });

  it('names export files after the scenario', () => {
    expect(exportFileName({ name: 'Europe (plan)', version: 3 }, 'csv')).toBe('europe-plan-v3.csv');
    expect(exportFileName({ name: 'Île-de-France été', version: 1 }, 'json')).toBe('ile-de-france-ete-v1.json');
  });

  it('normalises prices as numeric(30,12) gives them back', () => {
    expect(normalisePrice('000.1200')).toBe('0.12');
    expect(normalisePrice('3.000')).toBe('3');
    expect(normalisePrice('0')).toBe('0');
  });

  it('reads the Atlas tier and region of an invoice line', () => {
    expect(atlasTier('ATLAS_AWS_INSTANCE_M30', 'whatever')).toBe('M30');
    expect(atlasTier(null, 'Atlas AWS Instance M40 (EU_CENTRAL_1)')).toBe('M40');
    expect(atlasTier(null, 'Atlas AWS Storage Standard')).toBeNull();
    expect(atlasRegion(null, 'Atlas AWS Instance M40 (EU_CENTRAL_1)')).toBe('eu-central-1');
    expect(atlasRegion('eu-west-3', 'x (EU_CENTRAL_1)')).toBe('eu-west-3');
  });
});
