'use strict';
const { testPrefixes } = require('./run-id');

describe('testPrefixes', () => {
  it('gives each run its own topic and database prefix, valid for both', () => {
    const a = testPrefixes({});
    const b = testPrefixes({});
    expect(a.KAFKA_TOPIC_PREFIX).toMatch(/^t[a-z0-9]+\.$/);
    expect(a.MONGODB_DB_PREFIX).toMatch(/^t[a-z0-9]+_$/);
    expect(a.KAFKA_TOPIC_PREFIX.slice(0, -1)).toBe(a.MONGODB_DB_PREFIX.slice(0, -1));
    expect(b.KAFKA_TOPIC_PREFIX).not.toBe(a.KAFKA_TOPIC_PREFIX);
  });

  it('keeps prefixes that are already set', () => {
    expect(testPrefixes({ KAFKA_TOPIC_PREFIX: 'ci.', MONGODB_DB_PREFIX: 'ci_' })).toEqual({
      KAFKA_TOPIC_PREFIX: 'ci.',
      MONGODB_DB_PREFIX: 'ci_',
    });
  });
});
