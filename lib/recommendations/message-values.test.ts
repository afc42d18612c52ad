import { describe, expect, it } from 'vitest';
import IntlMessageFormat from 'intl-messageformat';
import { createFormatter } from '../format/formatter';
import en from '../../messages/en.json';
import fr from '../../messages/fr.json';
import { messageValues } from './message-values';

const f = { money: (a: string | number) => `€${a}`, instrumentName: (id: string) => `<${id}>`, paymentName: (p: string) => `[${p}]`, quantity: (v: number, u: string) => `${v}~${u}` };

describe('messageValues', () => {
  it('formats money, names the instrument and payment, and says what is bought now', () => {
    const v = messageValues({ key: 'commitmentLadder', params: { instrument: 'aws-compute-savings-plan', payment: 'all-upfront', measure: 'spend', nowAmount: 5, nowCommitmentPerHour: '3.6', tranches: 3, p50: '100.00', comparison: null } }, f);
    expect(v).toMatchObject({ instrumentName: '<aws-compute-savings-plan>', paymentName: '[all-upfront]', nowAmount: '€3.6/h', laterTranches: 2, p50: '€100.00', comparison: '' });
    expect(messageValues({ key: 'commitmentFlat', params: { instrument: 'aws-ec2-reserved-instance', measure: 'count', nowAmount: 4, tranches: 1 } }, f)).toMatchObject({ nowAmount: '4', laterTranches: 0 });
  });

  it('gives quantities with their unit in the reader\'s language: a runway in bytes reads in octets, not as a raw count', () => {
    const message = { key: 'capacityRunway', params: { resource: 'routes', metric: 'storage', unit: 'bytes', days: 41, cause: 'plan', current: 40e9, capacity: 50e9, needed: 50_317_028_007, threshold: 60 } };
    for (const [locale, messages] of [['fr-FR', fr], ['en-GB', en]] as const) {
      const fmt = createFormatter({ locale, timeZone: 'Europe/Paris', currency: 'EUR' });
      const values = messageValues(message, { ...f, quantity: fmt.quantity });
      expect(values.neededAmount).toBe(fmt.bytes(50_317_028_007));
      const text = new IntlMessageFormat(messages.recommendations.messages.capacityRunway, locale).format(values) as string;
      expect(text).toContain(fmt.bytes(50_317_028_007));
      expect(text).not.toMatch(/50[\s\u202f\u00a0,.]?317/);
    }
  });
});
