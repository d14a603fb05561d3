#!/usr/bin/env node
'use strict';
// npm start: local infrastructure (dev profile), every catalog topic, then the four services, each prefixed
// in the output. Ctrl-C (or SIGTERM) stops the services first, then the infrastructure.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');
const { ensureInfra, ensureCatalogTopics } = require('../infra');
const { spawnManaged } = require('../infra/lib/proc');
const { assertPortFree, portFromEnv, HOST } = require('../infra/lib/ports');

const root = path.resolve(__dirname, '..', '..');
const READY_TIMEOUT_MS = 120000;
const SERVICES = [
  { name: 'intake', port: 3001, envVar: 'INTAKE_PORT' },
  { name: 'care-planning', port: 3002, envVar: 'CARE_PLANNING_PORT' },
  { name: 'resource-directory', port: 3003, envVar: 'RESOURCE_DIRECTORY_PORT' },
  { name: 'notification', port: 3004, envVar: 'NOTIFICATION_PORT' },
];

const tty = process.stdout.isTTY;
const COLORS = [36, 35, 33, 32];
const paint = (i, text) => (tty ? `\x1b[${COLORS[i % COLORS.length]}m${text}\x1b[0m` : text);
const width = Math.max(...SERVICES.map((s) => s.name.length));
const say = (msg) => console.log(`${'[start]'.padEnd(width + 2)} ${msg}`);

let infra = null;
const running = []; // { service, handle }
let stopping = null;
let signalled = false;

/** A development-only signing secret, created once per checkout (tools/scripts/dev-token.js reads the same file). */
function devAuthSecret() {
  if (process.env.AUTH_DEV_SECRET) return process.env.AUTH_DEV_SECRET;
  const file = path.join(root, '.local', 'dev-auth-secret');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${crypto.randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if (err.code !== 'EEXIST') throw err;
  }
  return fs.readFileSync(file, 'utf8').trim();
}

function shutdown(code) {
  stopping ??= (async () => {
    const anything = running.length > 0 || infra;
    if (running.length > 0) say('stopping services...');
    await Promise.all(running.map(({ handle }) => handle.stop(10000)));
    if (infra) {
      say('stopping infrastructure...');
      await infra.stop();
    }
    if (anything) say('stopped.');
    process.exit(code);
  })();
  return stopping;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (signalled) {
      // Second Ctrl-C: do not wait any longer.
      for (const { handle } of running) handle.child.kill('SIGKILL');
      process.exit(130);
    }
    signalled = true;
    console.log('');
    say(`${signal} received`);
    if (!infra && running.length === 0) {
      // Still starting the infrastructure: our exit hook and the children's parent-death signal stop it.
      process.exit(130);
    }
    shutdown(0);
  });
}

function pipeLines(stream, prefix, out) {
  readline.createInterface({ input: stream }).on('line', (line) => out.write(`${prefix} ${line}\n`));
}

function startService(service, index, env) {
  const handle = spawnManaged({
    name: service.name,
    cmd: process.execPath,
    args: ['-r', '@swc-node/register', `apps/${service.name}/src/main.ts`],
    cwd: root,
    env: { ...env, PORT: String(service.port) },
  });
  const prefix = paint(index, `${service.name.padEnd(width)} |`);
  pipeLines(handle.child.stdout, prefix, process.stdout);
  pipeLines(handle.child.stderr, prefix, process.stderr);
  handle.exited.then((info) => {
    // A Ctrl-C reaches the services directly too; give our own signal handler a moment to run first.
    setTimeout(() => {
      if (stopping || signalled) return;
      const how = info.error ? info.error.message : info.signal ? `killed by ${info.signal}` : `exit code ${info.code}`;
      say(`${service.name} stopped unexpectedly (${how}): stopping everything`);
      shutdown(1);
    }, 300);
  });
  running.push({ service, handle });
}

async function waitHealthy(service, deadline) {
  const url = `http://${HOST}:${service.port}/health/ready`;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.cause?.code || err.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${service.name} was not ready after ${READY_TIMEOUT_MS / 1000} s: GET ${url} -> ${last}`);
}

async function main() {
  const t0 = Date.now();
  for (const service of SERVICES) {
    service.port = portFromEnv(service.envVar, service.port);
    await assertPortFree(service.port, { what: service.name, envVar: service.envVar });
  }
  infra = await ensureInfra({ profile: 'dev', handleSignals: false, log: (m) => say(m) });
  if (signalled) return shutdown(0);
  await ensureCatalogTopics({ brokers: infra.env.KAFKA_BROKERS, log: (m) => say(m) });

  const env = {
    ...process.env,
    ...infra.env,
    SWC_NODE_PROJECT: 'tsconfig.base.json',
    NODE_ENV: 'development',
    AUTH_DEV_SECRET: devAuthSecret(),
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    // Partner stubs run on this machine in development; production refuses private and loopback webhook targets.
    WEBHOOK_ALLOW_PRIVATE_TARGETS: process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? 'true',
  };
  SERVICES.forEach((service, i) => startService(service, i, env));

  const deadline = Date.now() + READY_TIMEOUT_MS;
  const results = await Promise.allSettled(SERVICES.map((s) => waitHealthy(s, deadline)));
  if (stopping) return stopping;
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length > 0) {
    for (const f of failed) say(f.reason.message);
    return shutdown(1);
  }

  const rows = SERVICES.map((s) => [s.name, `http://localhost:${s.port}`, `http://localhost:${s.port}/docs`]);
  const cols = [0, 1, 2].map((c) => Math.max(...[['service', 'url', 'api docs'], ...rows].map((r) => r[c].length)));
  const line = (r) => `  ${r.map((cell, c) => cell.padEnd(cols[c])).join('   ')}`.trimEnd();
  console.log(`\ncareloop is ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (Ctrl-C stops everything)\n`);
  console.log(line(['service', 'url', 'api docs']));
  rows.forEach((r) => console.log(line(r)));
  console.log(`\n  Kafka ${infra.env.KAFKA_BROKERS}   MongoDB ${infra.env.MONGODB_URI}   SMTP ${infra.env.SMTP_URL}` +
    `${infra.env.MAILPIT_API_URL ? `   Mailpit API ${infra.env.MAILPIT_API_URL}` : ''}\n`);
  return undefined;
}

main().catch((err) => {
  console.error(`\n${err.message}`);
  shutdown(1);
});
