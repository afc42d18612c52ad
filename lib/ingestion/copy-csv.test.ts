import { describe, expect, it } from 'vitest';
import { FieldError } from '../errors';
import { rowError } from './copy-csv';
import { encodeCostRow } from './cost-row-encoder';
import { naturalKeyHex } from './natural-key';
import { BinaryCopyWriter } from './pg-binary-copy';
import { focusRecord } from './test-records';

const thrown = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('nothing was thrown');
};

describe('rowError', () => {
  it('names the row and the field an encoder named', () => {
    const e = rowError(7, new FieldError('billedCost', 'is not a plain decimal'));
    expect(e.code).toBe('UNPROCESSABLE');
    expect(e.message).toBe('Invalid record (row 7, billedCost): is not a plain decimal');
    expect(e.issues).toEqual([{ row: 7, field: 'billedCost', message: 'billedCost is not a plain decimal' }]);
  });

  it('names the row alone for any other error, even one whose message starts with a word', () => {
    const e = rowError(3, new TypeError('Cannot read properties of undefined'));
    expect(e.message).toBe('Invalid record (row 3): Cannot read properties of undefined');
    expect(e.issues).toEqual([{ row: 3, field: undefined, message: 'Cannot read properties of undefined' }]);
  });

  it('gets the field from the cost row encoder and the natural key', () => {
    const badBilling = focusRecord({ billingPeriodStart: new Date('nope') });
    const w = new BinaryCopyWriter(1024);
    const encoding = thrown(() => encodeCostRow(w, badBilling, naturalKeyHex(badBilling), '{}', 'test'));
    expect(rowError(4, encoding).message).toBe('Invalid record (row 4, billingPeriodStart): is not a valid date');

    const keying = thrown(() => naturalKeyHex(focusRecord({ chargePeriodEnd: new Date('nope') })));
    expect(rowError(5, keying).message).toBe('Invalid record (row 5, chargePeriodEnd): is not a valid date');
  });
});
