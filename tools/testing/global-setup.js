'use strict';
// Jest global setup for integration tests: reuse the servers named by KAFKA_BROKERS / MONGODB_URI / SMTP_URL,
// start the missing ones (test profile: free ports, throw-away data), give this run its own topic and
// database prefixes, and create every catalog topic under that prefix.
const fs = require('node:fs');
const path = require('node:path');
const { ensureInfra, ensureCatalogTopics } = require('../infra');
const { ENV_KEYS, envFileFor } = require('./env-file');
const { testPrefixes } = require('./run-id');

const log = (msg) => process.stderr.write(`[infra] ${msg}\n`);

/** Files left by runs that were killed before their teardown (named after the jest process id). */
function sweepStaleEnvFiles(dir) {
  for (const entry of fs.readdirSync(dir)) {
    const pid = Number.parseInt(entry, 10);
    if (!pid) continue;
    try {
      process.kill(pid, 0);
    } catch (err) {
      if (err.code === 'ESRCH') fs.rmSync(path.join(dir, entry), { force: true });
    }
  }
}

module.exports = async function globalSetup() {
  // Starts only what the environment does not name, and checks that what it names answers.
  const infra = await ensureInfra({ profile: 'test', log });
  Object.assign(process.env, infra.env);
  Object.assign(process.env, testPrefixes(), { KAFKAJS_NO_PARTITIONER_WARNING: '1' });
  try {
    await ensureCatalogTopics({ brokers: process.env.KAFKA_BROKERS, prefix: process.env.KAFKA_TOPIC_PREFIX, log });
  } catch (err) {
    await infra.stop();
    throw err;
  }

  const envFile = envFileFor(process.pid);
  fs.mkdirSync(path.dirname(envFile), { recursive: true });
  sweepStaleEnvFiles(path.dirname(envFile));
  const values = Object.fromEntries(ENV_KEYS.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
  fs.writeFileSync(envFile, JSON.stringify(values, null, 2));
  process.env.CARELOOP_JEST_ENV_FILE = envFile;

  // Read back by global-teardown.js, which jest runs in this same process.
  globalThis.__careloopInfra = { stop: infra.stop, envFile };
};
