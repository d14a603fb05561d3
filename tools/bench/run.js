'use strict';
/**
 * `npm run bench`: every baseline in sequence against one set of servers, one combined table.
 *
 *   node tools/bench/run.js [--only=kafka-raw,mongo-raw] [--<bench>.<option>=value ...]
 *   e.g. node tools/bench/run.js --kafka-raw.messages=5000 --http-raw.duration=5
 *
 * Servers: KAFKA_BROKERS / MONGODB_URI when set, otherwise started by tools/infra (test profile)
 * and stopped at the end. To add a bench: write tools/bench/<name>.js exporting
 * { name, needs, defaults, hardLimitMs, run } (see kafka-raw.js) and append it to BENCHES.
 */
const { parseOptions, formatFlags } = require('./lib/options');
const { formatCombined, formatResult } = require('./lib/report');
const { givenEnvPrefix, log, reproduceCommand, startWatchdog, withInfra } = require('./lib/harness');

const BENCHES = [require('./kafka-raw'), require('./mongo-raw'), require('./http-raw'), require('./care-loop'), require('./search')];
// Cold start of Kafka, the MongoDB-protocol server and Mailpit when nothing is cached yet.
const INFRA_ALLOWANCE_MS = 10 * 60_000;

function parseArgs(argv) {
  let only = BENCHES.map((b) => b.name);
  const perBench = new Map(BENCHES.map((b) => [b.name, []]));
  for (const arg of argv) {
    const onlyMatch = /^--only=(.+)$/.exec(arg);
    const benchMatch = /^--([a-z0-9-]+)\.([a-z0-9-]+=.*)$/.exec(arg);
    if (onlyMatch) {
      only = onlyMatch[1].split(',').map((s) => s.trim());
    } else if (benchMatch && perBench.has(benchMatch[1])) {
      perBench.get(benchMatch[1]).push(`--${benchMatch[2]}`);
    } else {
      throw new Error(`unknown argument ${arg}; benches: ${BENCHES.map((b) => b.name).join(', ')}`);
    }
  }
  const unknown = only.filter((n) => !perBench.has(n));
  if (unknown.length > 0) throw new Error(`unknown bench ${unknown.join(', ')}`);
  return BENCHES.filter((b) => only.includes(b.name)).map((bench) => ({
    bench,
    options: parseOptions(perBench.get(bench.name), bench.defaults),
  }));
}

async function main(argv) {
  let plan;
  try {
    plan = parseArgs(argv);
  } catch (err) {
    log(err.message);
    process.exit(2);
  }
  startWatchdog(INFRA_ALLOWANCE_MS + plan.reduce((sum, { bench, options }) => sum + bench.hardLimitMs(options), 0));
  process.chdir(require('node:path').resolve(__dirname, '..', '..'));
  const needs = [...new Set(plan.flatMap(({ bench }) => bench.needs))];
  const results = [];
  let failed = false;
  await withInfra(needs, async (env) => {
    for (const { bench, options } of plan) {
      log(`${bench.name}: starting`);
      try {
        const result = await bench.run({ env, options });
        results.push(result);
        process.stdout.write(`\n${result.name}\n${formatResult(result)}\n`);
      } catch (err) {
        // One broken bench must not hide the others' figures.
        failed = true;
        log(`${bench.name} failed: ${err.stack || err.message}`);
        results.push({ name: bench.name, rows: [{ metric: 'FAILED', value: err.message.split('\n')[0], unit: '' }] });
      }
    }
  });

  const runArgs = plan.flatMap(({ bench, options }) =>
    formatFlags(options).split(' ').map((flag) => flag.replace(/^--/, `--${bench.name}.`)),
  );
  const onlyArg = plan.length < BENCHES.length ? ` --only=${plan.map(({ bench }) => bench.name).join(',')}` : '';
  process.stdout.write(
    [
      '',
      `baselines (${new Date().toISOString()}, node ${process.version}, ${require('node:os').cpus().length} cores)`,
      formatCombined(results),
      '',
      'reproduce all:',
      `  ${givenEnvPrefix(needs)}node tools/bench/run.js${onlyArg} ${runArgs.join(' ')}`,
      'reproduce one:',
      ...plan.map(({ bench, options }) => `  ${reproduceCommand(bench, options)}`),
      '',
    ].join('\n'),
  );
  process.exit(failed ? 1 : 0);
}

module.exports = { BENCHES, main };

if (require.main === module) {
  main(process.argv.slice(2)).catch((err) => {
    log(err.stack || err.message);
    process.exit(1);
  });
}
