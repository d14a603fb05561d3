'use strict';
const crypto = require('node:crypto');

/** Topic and database prefixes unique to one test run, so runs sharing servers never see each other's data. */
function testPrefixes(env = process.env) {
  const runId = `${Date.now().toString(36)}${crypto.randomBytes(3).toString('hex')}`;
  return {
    KAFKA_TOPIC_PREFIX: env.KAFKA_TOPIC_PREFIX || `t${runId}.`,
    MONGODB_DB_PREFIX: env.MONGODB_DB_PREFIX || `t${runId}_`,
  };
}

module.exports = { testPrefixes };
