'use strict';
const path = require('node:path');
const { formatFlags, parseOptions } = require('./options');
const { formatResult } = require('./report');

/** Which environment variable gives each kind of server; the infra module starts what is missing. */
const ENV_OF = { kafka: 'KAFKA_BROKERS', mongo: 'MONGODB_URI', smtp: 'SMTP_URL' };

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Servers this process started, so that the watchdog can stop them before it exits. */
let activeInfra;

/** Env prefix of a reproduce command: only servers the user gave; otherwise the command starts its own. */
function givenEnvPrefix(needs) {
  return needs
    .map((need) => ENV_OF[need])
    .filter((name) => process.env[name])
    .map((name) => `${name}=${process.env[name]} `)
    .join('');
}

function reproduceCommand(bench, options) {
  return `${givenEnvPrefix(bench.needs)}node tools/bench/${bench.name}.js ${formatFlags(options)}`.trim();
}

function log(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

/**
 * Runs `fn(env)` with the servers `needs` lists: the ones named in the environment are used as
 * they are, the rest are started (test profile: ephemeral ports, memory backend) and stopped after.
 */
async function withInfra(needs, fn) {
  const missing = needs.filter((need) => !process.env[ENV_OF[need]]);
  if (missing.length === 0) return fn({ ...process.env });
  log(`no ${missing.map((m) => ENV_OF[m]).join(' / ')} set: starting local infrastructure`);
  const { ensureInfra } = require('../../infra');
  const infra = await ensureInfra({ profile: 'test' });
  activeInfra = infra;
  try {
    return await fn({ ...process.env, ...infra.env });
  } finally {
    await infra.stop();
    activeInfra = undefined;
  }
}

/**
 * The process must end even if a server stops answering: after `ms`, say so and exit non-zero.
 * unref'd so that it never keeps a finished run alive.
 */
function startWatchdog(ms) {
  const timer = setTimeout(() => {
    log(`hard time limit of ${Math.round(ms / 1000)} s reached: exiting`);
    // Leaving started JVMs behind would cost the next run its ports and memory.
    const stopped = activeInfra ? activeInfra.stop() : Promise.resolve();
    const giveUp = new Promise((resolve) => setTimeout(resolve, 30_000));
    Promise.race([stopped, giveUp]).finally(() => process.exit(3));
  }, ms);
  timer.unref();
  return timer;
}

/** Entry point of a bench file run alone: `node tools/bench/<name>.js [--option=value ...]`. */
function runStandalone(bench) {
  let options;
  try {
    options = parseOptions(process.argv.slice(2), bench.defaults);
  } catch (err) {
    log(err.message);
    process.exit(2);
  }
  startWatchdog(bench.hardLimitMs(options) + 120_000);
  process.chdir(repoRoot);
  withInfra(bench.needs, (env) => bench.run({ env, options }))
    .then((result) => {
      process.stdout.write(`\n${result.name}\n${formatResult(result)}\n\nreproduce: ${reproduceCommand(bench, options)}\n`);
      // kafkajs and the driver may keep timers alive for a while after disconnect; the figures are out.
      process.exit(0);
    })
    .catch((err) => {
      log(`${bench.name} failed: ${err.stack || err.message}`);
      process.exit(1);
    });
}

module.exports = { ENV_OF, givenEnvPrefix, log, reproduceCommand, runStandalone, startWatchdog, withInfra };
