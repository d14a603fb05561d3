'use strict';
/**
 * HTTP baseline: a bare NestJS 11 app on the Fastify adapter with one GET route (no validation,
 * auth, logging or database), started as a child process, loaded by autocannon in this process.
 * The ceiling for any endpoint of the services on this machine.
 *
 *   node tools/bench/http-raw.js [--connections=50] [--duration=10]
 */
const path = require('node:path');
const { fork } = require('node:child_process');
const autocannon = require('autocannon');
const { createLatencyHistogram, latencyRows, recordMs } = require('./lib/histogram');
const { log, runStandalone } = require('./lib/harness');

const name = 'http-raw';
const defaults = { connections: 50, duration: 10 };
const START_TIMEOUT_MS = 60_000;

function startApp() {
  const child = fork(path.join(__dirname, 'lib', 'http-raw-app.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    child.once('message', (message) => {
      clearTimeout(timer);
      resolve(message);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited with code ${code} before it was ready`));
    });
  });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      child.kill('SIGTERM');
    });
  return { ready, stop };
}

async function run({ options }) {
  const app = startApp();
  try {
    const { port, startupMs } = await app.ready;
    const url = `http://127.0.0.1:${port}/ping`;
    log(`http-raw: autocannon -c ${options.connections} -d ${options.duration} ${url}`);
    // autocannon's own percentiles stop at p90 / p97.5 / p99 in whole ms; this one gives p95 in us.
    const latency = createLatencyHistogram();
    const instance = autocannon({ url, connections: options.connections, duration: options.duration });
    instance.on('response', (_client, statusCode, _bytes, responseTimeMs) => {
      if (statusCode === 200) recordMs(latency, responseTimeMs);
    });
    const result = await instance;
    const failures = result.errors + result.timeouts + result.non2xx;
    if (result.requests.total === 0) throw new Error('no request completed');
    return {
      name,
      rows: [
        { metric: `GET /ping, c=${options.connections}, ${options.duration} s`, value: Math.round(result.requests.average), unit: 'req/s' },
        ...latencyRows(latency, 'GET /ping'),
        { metric: 'requests completed', value: result.requests.total, unit: 'req' },
        { metric: 'errors + timeouts + non-2xx', value: failures, unit: 'req' },
        { metric: 'app start (NestFactory.create to listening)', value: startupMs, unit: 'ms' },
      ],
    };
  } finally {
    await app.stop();
  }
}

const hardLimitMs = (options) => options.duration * 1000 + START_TIMEOUT_MS + 30_000;

module.exports = { name, needs: [], defaults, hardLimitMs, run };

if (require.main === module) runStandalone(module.exports);
