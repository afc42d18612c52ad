import { describe, expect, it } from 'vitest';
import { messageValues } from './message-values';

const f = { money: (a: string | number) => `€${a}`, instrumentName: (id: string) => `<${id}>`, paymentName: (p: string) => `[${p}]` };

describe('messageValues', () => {
  it('formats money, names the instrument and payment, and says what is bought now', () => {
    const v = messageValues({ key: 'commitmentLadder', params: { instrument: 'aws-compute-savings-plan', payment: 'all-upfront', measure: 'spend', nowAmount: 5, nowCommitmentPerHour: '3.6', tranches: 3, p50: '100.00', comparison: null } }, f);
    expect(v).toMatchObject({ instrumentName: '<aws-compute-savings-plan>', paymentName: '[all-upfront]', nowAmount: '€3.6/h', laterTranches: 2, p50: '€100.00', comparison: '' });
    expect(messageValues({ key: 'commitmentFlat', params: { instrument: 'aws-ec2-reserved-instance', measure: 'count', nowAmount: 4, tranches: 1 } }, f)).toMatchObject({ nowAmount: '4', laterTranches: 0 });
  });
});
