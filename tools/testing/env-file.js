'use strict';
// Where the jest global setup leaves the environment it made, for test processes that did not inherit it.
const path = require('node:path');
const { repoRoot } = require('../infra/lib/paths');

const ENV_KEYS = [
  'KAFKA_BROKERS',
  'MONGODB_URI',
  'SMTP_URL',
  'MAILPIT_API_URL',
  'KAFKA_TOPIC_PREFIX',
  'MONGODB_DB_PREFIX',
  'KAFKAJS_NO_PARTITIONER_WARNING',
];

function envFileFor(pid) {
  return path.join(repoRoot, 'tmp', 'jest-env', `${pid}.json`);
}

module.exports = { ENV_KEYS, envFileFor };
