import { describe, expect, it } from 'vitest';
import { regionLabel, regionPlace } from './region-names';

describe('region names', () => {
  it('names AWS, Google Cloud and Atlas regions by city, or by country where the provider names none, in both languages', () => {
    expect(regionLabel('eu-west-3', 'fr-FR')).toBe('eu-west-3 · Paris');
    expect(regionLabel('eu-central-1', 'fr-FR')).toBe('eu-central-1 · Francfort');
    expect(regionLabel('eu-central-1', 'en-GB')).toBe('eu-central-1 · Frankfurt');
    expect(regionLabel('europe-west1', 'fr-FR')).toBe('europe-west1 · Belgique');
    expect(regionLabel('europe-west1', 'en-GB')).toBe('europe-west1 · Belgium');
    expect(regionLabel('eu-west-1', 'fr-FR')).toBe('eu-west-1 · Irlande');
    expect(regionPlace('EU_WEST_3', 'en-US')).toBe('Paris');
    expect(regionPlace('WESTERN_EUROPE', 'fr-FR')).toBe('Belgique');
    expect(regionPlace('us-east-1', 'fr-FR')).toBe('Virginie du Nord');
  });

  it('shows unknown codes as they are', () => {
    expect(regionPlace('global', 'fr-FR')).toBeNull();
    expect(regionLabel('global', 'fr-FR')).toBe('global');
    expect(regionLabel('mars-north-1', 'en-GB')).toBe('mars-north-1');
    expect(regionLabel('', 'en-GB')).toBe('');
  });
});
