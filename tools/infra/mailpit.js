'use strict';
// Mailpit: an SMTP server that keeps every message and shows it through a REST API.
const fs = require('node:fs');
const path = require('node:path');
const { goInstall } = require('./lib/provision');
const { spawnManaged, waitUntilReady } = require('./lib/proc');
const { HOST } = require('./lib/ports');

const MAILPIT_VERSION = '1.33.1';

function provisionMailpit({ log }) {
  return goInstall({ id: `mailpit-${MAILPIT_VERSION}`, module: 'github.com/axllent/mailpit', version: `v${MAILPIT_VERSION}`, binary: 'mailpit', log });
}

async function probeMailpit(apiUrl, timeoutMs = 1000) {
  const res = await fetch(`${apiUrl}/readyz`, { signal: AbortSignal.timeout(timeoutMs) });
  return res.ok;
}

async function startMailpit({ smtpPort, httpPort, dbFile, logsDir, log, track = () => {} }) {
  const binary = await provisionMailpit({ log });
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  const handle = spawnManaged({
    name: 'mailpit',
    cmd: binary,
    // Without --disable-version-check it tries to reach the internet.
    args: ['--smtp', `${HOST}:${smtpPort}`, '--listen', `${HOST}:${httpPort}`, '--database', dbFile, '--disable-version-check'],
    logFile: path.join(logsDir, 'mailpit.log'),
    ignoreSigint: true,
  });
  track(handle);
  const apiUrl = `http://${HOST}:${httpPort}`;
  try {
    await waitUntilReady(handle, () => probeMailpit(apiUrl), { timeoutMs: 60000, intervalMs: 250, what: `Mailpit on ${apiUrl}` });
  } catch (err) {
    await handle.stop(5000);
    throw err;
  }
  return { handle, env: { SMTP_URL: `smtp://${HOST}:${smtpPort}`, MAILPIT_API_URL: apiUrl } };
}

module.exports = { startMailpit, provisionMailpit, probeMailpit, MAILPIT_VERSION };
