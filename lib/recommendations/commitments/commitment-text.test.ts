// Scopes and discount sources reach the pages as data + message key, so a French page shows them in French.
import { describe, expect, it } from 'vitest';
import en from '../../../messages/en.json';
import fr from '../../../messages/fr.json';
import { DEFAULT_PRICE_CATALOGUE } from '../../planning/price-catalogue';
import { discountSourceMessage } from './discount-source';
import { INSTRUMENT_IDS, INSTRUMENTS, instrumentTerms, messageKeyOf, scopeOf } from './instruments';

const texts = { en: en.commitmentText, fr: fr.commitmentText } as Record<'en' | 'fr', { scopes: Record<string, string>; discountSources: Record<string, string> }>;

describe('scopeOf', () => {
  it('names an instrument-wide pool by the instrument and a reservation pool by its type and region, keeping the English text', () => {
    expect(scopeOf('aws-compute-savings-plan', 'aws-compute-savings-plan')).toEqual({ scope: INSTRUMENTS['aws-compute-savings-plan'].scope, scopeMessage: { key: 'awsComputeSavingsPlan', params: {} } });
    expect(scopeOf('aws-ec2-reserved-instance', 'aws-ec2-reserved-instance:m6i.xlarge@eu-west-3')).toEqual({ scope: 'm6i.xlarge in eu-west-3', scopeMessage: { key: 'typeInRegion', params: { type: 'm6i.xlarge', region: 'eu-west-3' } } });
    expect(scopeOf('aws-ec2-reserved-instance')).toEqual({ scope: INSTRUMENTS['aws-ec2-reserved-instance'].scope, scopeMessage: { key: 'awsEc2ReservedInstance', params: {} } });
    // a key of another instrument is not parsed as this one's
    expect(scopeOf('aws-rds-reserved-instance', 'aws-ec2-reserved-instance:m6i.xlarge@eu-west-3').scopeMessage.key).toBe('awsRdsReservedInstance');
  });

  it('has every scope in both languages, the French one translated, with the same arguments', () => {
    for (const id of INSTRUMENT_IDS) {
      const { scopeMessage, scope } = scopeOf(id);
      expect(texts.en.scopes[scopeMessage.key]).toBe(scope);
      expect(texts.fr.scopes[scopeMessage.key]).toBeTruthy();
      expect(texts.fr.scopes[scopeMessage.key]).not.toBe(scope);
    }
    expect(texts.en.scopes.typeInRegion).toBe('{type} in {region}');
    expect(texts.fr.scopes.typeInRegion).toMatch(/\{type\}.*\{region\}/);
  });
});

describe('discountSourceMessage', () => {
  it('gives every built-in commitment term a message in both languages, the English one being the catalogue text', () => {
    let n = 0;
    for (const id of INSTRUMENT_IDS)
      for (const term of instrumentTerms(DEFAULT_PRICE_CATALOGUE, INSTRUMENTS[id])) {
        const m = discountSourceMessage(term);
        expect(m, term.priceItemId).toEqual({ key: messageKeyOf(term.priceItemId), params: {} });
        expect(texts.en.discountSources[m!.key]).toBe(term.source);
        expect(texts.fr.discountSources[m!.key], term.priceItemId).toBeTruthy();
        expect(texts.fr.discountSources[m!.key]).not.toBe(term.source);
        n++;
      }
    expect(n).toBeGreaterThan(20);
  });

  it('leaves an entered or edited item to its own text', () => {
    expect(discountSourceMessage({ priceItemId: 'aws:commitment:ec2-ri:1y:no-upfront', source: 'Our EDP quote, 2026-10' })).toBeNull();
    expect(discountSourceMessage({ priceItemId: 'custom:commitment:1y', source: 'x' })).toBeNull();
  });
});
