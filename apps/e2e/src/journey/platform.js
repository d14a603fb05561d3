'use strict';
// Starts the four services as real processes (exactly as `npm start` runs them) against given infrastructure, on free
// ports, and waits until each answers /health/ready. Used by the end-to-end test and the care-loop benchmark.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnManaged, waitUntilReady } = require('../../../../tools/infra/lib/proc');
const { freePorts, HOST } = require('../../../../tools/infra/lib/ports');

const root = path.resolve(__dirname, '..', '..', '..', '..');
const SERVICES = ['intake', 'care-planning', 'resource-directory', 'notification'];

/**
 * @param {object} options
 * @param {Record<string,string>} options.env  infrastructure and prefixes (KAFKA_BROKERS, MONGODB_URI, SMTP_URL,
 *   KAFKA_TOPIC_PREFIX, MONGODB_DB_PREFIX, AUTH_DEV_SECRET, ...)
 * @param {string} [options.logDir]  where each service's output goes (a temp dir by default)
 */
async function startPlatform({ env, logDir, readyTimeoutMs = 180000 }) {
  const dir = logDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'careloop-platform-'));
  fs.mkdirSync(dir, { recursive: true });
  const ports = await freePorts(SERVICES.length);
  const handles = SERVICES.map((name, i) =>
    spawnManaged({
      name,
      cmd: process.execPath,
      args: ['-r', '@swc-node/register', `apps/${name}/src/main.ts`],
      cwd: root,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: path.join(root, 'tsconfig.base.json'),
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        ...env,
        PORT: String(ports[i]),
      },
      logFile: path.join(dir, `${name}.log`),
    }),
  );
  const urls = Object.fromEntries(SERVICES.map((name, i) => [name, `http://${HOST}:${ports[i]}`]));
  const stop = async () => {
    await Promise.all(handles.map((h) => h.stop(15000)));
  };
  try {
    await Promise.all(
      handles.map((h) =>
        waitUntilReady(
          h,
          async () => (await fetch(`${urls[h.name]}/health/ready`, { signal: AbortSignal.timeout(2000) })).status === 200,
          { timeoutMs: readyTimeoutMs, what: h.name },
        ),
      ),
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return { urls, logDir: dir, stop, handles };
}

module.exports = { startPlatform, SERVICES };
