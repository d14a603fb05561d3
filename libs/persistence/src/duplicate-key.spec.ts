import { isDuplicateKeyError } from './duplicate-key';

const dup = (message: string) => Object.assign(new Error(message), { code: 11000 });

describe('isDuplicateKeyError', () => {
  it('recognizes a duplicate key and its index by exact name', () => {
    const err = dup('E11000 duplicate key error collection: db.clients index: uniq_client dup key: { x: "v" }');
    expect(isDuplicateKeyError(err)).toBe(true);
    expect(isDuplicateKeyError(err, 'uniq_client')).toBe(true);
    expect(isDuplicateKeyError(err, 'uniq')).toBe(false);
  });

  it('does not take a longer index name, or a value quoting the name, for the index', () => {
    const err = dup('E11000 duplicate key error collection: db.c index: uniq_client_email dup key: { e: "uniq_client" }');
    expect(isDuplicateKeyError(err, 'uniq_client')).toBe(false);
  });

  it('is false for other errors', () => {
    expect(isDuplicateKeyError(new Error('boom'))).toBe(false);
    expect(isDuplicateKeyError(Object.assign(new Error('x'), { code: 11600 }))).toBe(false);
  });
});
