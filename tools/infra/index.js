'use strict';
/**
 * Local infrastructure for development and tests: Kafka (KRaft), mongo-java-server, Mailpit.
 * Binaries are cached per user (CARELOOP_CACHE_DIR, default ~/.cache/careloop); see README.md.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { devDataDir, cacheDir, repoRoot } = require('./lib/paths');
const { assertPortFree, freePorts, portFromEnv, canConnect } = require('./lib/ports');
const { startKafka, provisionKafka, probeKafka } = require('./kafka');
const { startMongo, provisionMongo, probeMongo } = require('./mongo');
const { startMailpit, provisionMailpit, probeMailpit } = require('./mailpit');
const { ensureTopics, loadTopicSpecs, ensureCatalogTopics } = require('./topics');

const DEV_PORTS = {
  kafka: { envVar: 'KAFKA_PORT', port: 9092, what: 'Kafka', reuseVar: 'KAFKA_BROKERS' },
  kafkaController: { envVar: 'KAFKA_CONTROLLER_PORT', port: 9093, what: 'Kafka controller', reuseVar: 'KAFKA_BROKERS' },
  mongo: { envVar: 'MONGODB_PORT', port: 27017, what: 'MongoDB protocol', reuseVar: 'MONGODB_URI' },
  smtp: { envVar: 'SMTP_PORT', port: 1025, what: 'Mailpit SMTP', reuseVar: 'SMTP_URL' },
  mailpitHttp: { envVar: 'MAILPIT_HTTP_PORT', port: 8025, what: 'Mailpit HTTP API', reuseVar: 'SMTP_URL' },
};
const COMPONENT_PORTS = { kafka: ['kafka', 'kafkaController'], mongo: ['mongo'], mailpit: ['smtp', 'mailpitHttp'] };
const TEST_DIR_PREFIX = 'careloop-infra-';

const elapsed = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

function defaultLog(msg) {
  process.stderr.write(`[infra] ${msg}\n`);
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Test-profile temp dirs of runs that died without stopping (named after their owner's pid). */
function sweepStaleTestDirs() {
  const tmp = os.tmpdir();
  for (const entry of fs.readdirSync(tmp)) {
    const match = entry.startsWith(TEST_DIR_PREFIX) && /^careloop-infra-(\d+)-/.exec(entry);
    if (match && !pidAlive(Number(match[1]))) fs.rmSync(path.join(tmp, entry), { recursive: true, force: true });
  }
}

/** One dev-profile owner of .local/infra at a time: Kafka's and H2's own locks would fail less clearly. */
function lockDevData(dataDir) {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, 'owner.pid');
  for (;;) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const owner = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
      if (owner && owner !== process.pid && pidAlive(owner)) {
        throw new Error(
          `The dev infrastructure in ${dataDir} is already run by process ${owner} (npm start or npm run infra up). ` +
            'Stop it, or reuse its servers with KAFKA_BROKERS / MONGODB_URI / SMTP_URL.',
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
}

async function verifyReused(name, value, probe) {
  let ok = false;
  let reason = '';
  for (let attempt = 0; attempt < 5 && !ok; attempt += 1) {
    try {
      ok = await probe();
    } catch (err) {
      reason = `: ${err.message}`;
    }
    if (!ok) await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if (!ok) throw new Error(`${name}=${value} is set, so nothing is started for it, but it does not answer${reason}`);
}

/**
 * Starts what is not given by KAFKA_BROKERS / MONGODB_URI / SMTP_URL.
 * profile 'dev': fixed ports (env-overridable), data kept in .local/infra.
 * profile 'test': free ephemeral ports, fresh temp dirs and the memory backend, removed on stop.
 * handleSignals: stop on SIGINT/SIGTERM, then die of that signal (pass false when the caller handles them).
 */
async function ensureInfra({ profile, log = defaultLog, handleSignals = true } = {}) {
  if (profile !== 'dev' && profile !== 'test') throw new Error(`ensureInfra: profile must be 'dev' or 'test', not ${profile}`);
  const t0 = Date.now();
  const given = {
    kafka: process.env.KAFKA_BROKERS,
    mongo: process.env.MONGODB_URI,
    mailpit: process.env.SMTP_URL,
  };
  const components = Object.keys(given).filter((c) => !given[c]);

  const env = {};
  if (given.kafka) env.KAFKA_BROKERS = given.kafka;
  if (given.mongo) env.MONGODB_URI = given.mongo;
  if (given.mailpit) env.SMTP_URL = given.mailpit;
  if (given.mailpit && process.env.MAILPIT_API_URL) env.MAILPIT_API_URL = process.env.MAILPIT_API_URL;

  const reusedChecks = [];
  if (given.kafka) reusedChecks.push(verifyReused('KAFKA_BROKERS', given.kafka, () => probeKafka(given.kafka.split(','), 5000)));
  if (given.mongo) reusedChecks.push(verifyReused('MONGODB_URI', given.mongo, () => probeMongo(given.mongo)));
  if (given.mailpit) {
    const { hostname, port } = new URL(given.mailpit);
    reusedChecks.push(verifyReused('SMTP_URL', given.mailpit, () => canConnect(Number(port) || 25, hostname)));
    if (env.MAILPIT_API_URL) reusedChecks.push(verifyReused('MAILPIT_API_URL', env.MAILPIT_API_URL, () => probeMailpit(env.MAILPIT_API_URL)));
  }

  // Dev ports first, all of them, before anything starts: a taken port fails fast and names its variable.
  const ports = {};
  if (profile === 'dev') {
    const portKeys = components.flatMap((c) => COMPONENT_PORTS[c]);
    for (const key of portKeys) ports[key] = portFromEnv(DEV_PORTS[key].envVar, DEV_PORTS[key].port);
    for (const key of portKeys) {
      const { what, envVar, reuseVar } = DEV_PORTS[key];
      try {
        await assertPortFree(ports[key], { what, envVar });
      } catch (err) {
        err.message = `${err.message.replace(/\.$/, '')}, or set ${reuseVar} to reuse a server that is already running.`;
        throw err;
      }
    }
  }

  let dataDir;
  let releaseDevLock = () => {};
  if (components.length > 0) {
    if (profile === 'dev') {
      dataDir = devDataDir();
      releaseDevLock = lockDevData(dataDir);
    } else {
      sweepStaleTestDirs();
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${TEST_DIR_PREFIX}${process.pid}-`));
    }
  }
  const logsDir = dataDir && path.join(dataDir, 'logs');
  if (logsDir) fs.mkdirSync(logsDir, { recursive: true });

  // Every process spawned, tracked from the moment it exists, so a stop during start-up stops it too.
  const spawned = [];
  const common = { logsDir, log, track: (handle) => spawned.push(handle) };
  const provisioners = { kafka: provisionKafka, mongo: provisionMongo, mailpit: provisionMailpit };
  const starters = {
    kafka: (p) => startKafka({ ...common, port: p.kafka, controllerPort: p.kafkaController, dir: path.join(dataDir, 'kafka') }),
    mongo: (p) =>
      startMongo({ ...common, port: p.mongo, h2File: profile === 'dev' ? path.join(dataDir, 'mongo', 'careloop.h2') : undefined }),
    mailpit: (p) =>
      startMailpit({ ...common, smtpPort: p.smtp, httpPort: p.mailpitHttp, dbFile: path.join(dataDir, 'mailpit', 'mailpit.db') }),
  };
  const startComponent = async (name) => {
    await provisioners[name]({ log });
    for (let attempt = 1; ; attempt += 1) {
      // Test ports are picked only now, after a possibly long first provisioning, to keep the window short
      // in which another process could take them; if one still does, start again on new ones.
      const keys = COMPONENT_PORTS[name];
      const p = profile === 'dev' ? ports : Object.fromEntries((await freePorts(keys.length)).map((port, i) => [keys[i], port]));
      try {
        return await starters[name](p);
      } catch (err) {
        if (profile !== 'test' || attempt >= 3 || !/already in use|BindException/i.test(err.message)) throw err;
        log(`${name}: a port was taken meanwhile; starting again on new ports`);
      }
    }
  };

  const running = []; // names of the components that became ready
  let stopping;
  const stop = () => {
    stopping ??= (async () => {
      removeSignalHandlers();
      await Promise.all(spawned.map((handle) => handle.stop(30000)));
      if (running.length > 0) log(`stopped ${running.join(', ')}`);
      releaseDevLock();
      if (profile === 'test' && dataDir) fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
    })();
    return stopping;
  };

  const onSignal = (signal) => {
    log(`${signal}: stopping infrastructure`);
    stop().finally(() => process.kill(process.pid, signal));
  };
  const signalHandlers = handleSignals ? { SIGINT: onSignal, SIGTERM: onSignal } : {};
  function removeSignalHandlers() {
    for (const [signal, handler] of Object.entries(signalHandlers)) process.removeListener(signal, handler);
  }
  for (const [signal, handler] of Object.entries(signalHandlers)) process.on(signal, handler);

  if (components.length > 0) log(`starting ${components.join(', ')} (${profile} profile)`);
  const results = await Promise.allSettled([
    ...components.map(async (name) => {
      const t = Date.now();
      const result = await startComponent(name);
      running.push(name);
      Object.assign(env, result.env);
      log(`${name} ready in ${elapsed(t)} (${Object.values(result.env).join(', ')})`);
    }),
    ...reusedChecks,
  ]);
  const failures = results.filter((r) => r.status === 'rejected').map((r) => r.reason);
  if (failures.length > 0) {
    await stop();
    const err = failures[0];
    if (failures.length > 1) err.message += `\n(also: ${failures.slice(1).map((f) => f.message.split('\n')[0]).join('; ')})`;
    throw err;
  }
  if (components.length > 0) log(`infrastructure ready in ${elapsed(t0)}${logsDir ? `; logs in ${logsDir}` : ''}`);

  const started = components.filter((c) => running.includes(c));
  return { env, started, stop, dataDir };
}

module.exports = {
  ensureInfra,
  ensureTopics,
  ensureCatalogTopics,
  loadTopicSpecs,
  cacheDir,
  devDataDir,
  repoRoot,
  DEV_PORTS,
};
