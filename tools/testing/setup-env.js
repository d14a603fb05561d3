'use strict';
// Runs in every integration test file: makes sure the environment made by global-setup.js is visible,
// also in worker processes that may have been started without it.
const fs = require('node:fs');
const { ENV_KEYS, envFileFor } = require('./env-file');

const candidates = [process.env.CARELOOP_JEST_ENV_FILE, envFileFor(process.pid), envFileFor(process.ppid)].filter(Boolean);
const file = candidates.find((f) => fs.existsSync(f));
if (file) {
  const values = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const key of ENV_KEYS) {
    if (process.env[key] === undefined && values[key] !== undefined) process.env[key] = values[key];
  }
}
