#!/usr/bin/env node
'use strict';
// npm test (and CI): lint + typecheck, unit tests, contract and manifest checks, integration tests against
// real servers. Stops at the first failing stage; the last line is the total of every jest run.
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { ensureInfra, ensureCatalogTopics } = require('../infra');
const { testPrefixes } = require('../testing/run-id');

const root = path.resolve(__dirname, '..', '..');
const resultsDir = path.join(root, 'tmp', 'test-results');
const totals = { passed: 0, failed: 0, skipped: 0 };
let current = null; // the running child, stopped on Ctrl-C
let infra = null;

function bin(name) {
  const local = path.join(root, 'node_modules', '.bin', name);
  return fs.existsSync(local) ? [local, []] : ['npx', [name]];
}

function run(name, args, env = {}) {
  const [cmd, pre] = bin(name);
  return new Promise((resolve) => {
    current = spawn(cmd, [...pre, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    current.once('error', (err) => {
      console.error(`${name}: ${err.message}`);
      resolve(1);
    });
    current.once('exit', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function configs(patterns) {
  return patterns.flatMap(([dir, file]) => {
    const base = path.join(root, dir);
    if (!fs.existsSync(base)) return [];
    return fs
      .readdirSync(base)
      .sort()
      .map((entry) => path.join(dir, entry, file))
      .filter((rel) => fs.existsSync(path.join(root, rel)));
  });
}

/** One jest run over several projects; adds its counts to the totals. Returns true when it passed. */
async function jest(kind, projects, extraArgs = [], env = {}) {
  if (projects.length === 0) {
    console.log(`no ${kind} jest configs found`);
    return true;
  }
  const outputFile = path.join(resultsDir, `${kind}.json`);
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.rmSync(outputFile, { force: true });
  const code = await run('jest', ['--ci', '--passWithNoTests', '--projects', ...projects, ...extraArgs, '--json', `--outputFile=${outputFile}`], env);
  if (!fs.existsSync(outputFile)) {
    console.error(`jest wrote no results to ${path.relative(root, outputFile)} (exit ${code})`);
    totals.failed += 1;
    return false;
  }
  const r = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
  totals.passed += r.numPassedTests;
  // A suite that could not run (syntax error, failing import) has no failed test of its own: count it once.
  totals.failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
  totals.skipped += r.numPendingTests + (r.numTodoTests || 0);
  return code === 0 && r.success !== false;
}

async function integration() {
  infra = await ensureInfra({ profile: 'test', handleSignals: false, log: (m) => console.log(`[infra] ${m}`) });
  const env = { ...infra.env, ...testPrefixes(), KAFKAJS_NO_PARTITIONER_WARNING: '1' };
  Object.assign(process.env, env);
  await ensureCatalogTopics({ brokers: env.KAFKA_BROKERS, prefix: env.KAFKA_TOPIC_PREFIX, log: (m) => console.log(`[infra] ${m}`) });
  try {
    return await jest('int', configs([['apps', 'jest.int.config.cjs'], ['libs', 'jest.int.config.cjs']]), ['--runInBand'], env);
  } finally {
    await infra.stop();
    infra = null;
  }
}

const optionalScript = (rel) => async () => {
  if (!fs.existsSync(path.join(root, rel))) {
    console.log(`${rel} does not exist yet: skipped`);
    return true;
  }
  return (await run('node', [rel])) === 0;
};

const stages = [
  ['lint + typecheck', async () => (await run('nx', ['run-many', '-t', 'lint', 'typecheck', '--parallel=2'], { NX_DAEMON: 'false' })) === 0],
  [
    'unit tests',
    () => {
      const projects = configs([['apps', 'jest.config.cjs'], ['libs', 'jest.config.cjs']]);
      if (fs.existsSync(path.join(root, 'tools', 'jest.config.cjs'))) projects.push('tools/jest.config.cjs');
      return jest('unit', projects);
    },
  ],
  ['contract check', optionalScript('tools/contracts/check-asyncapi.js')],
  ['manifest check', optionalScript('tools/deploy/validate.js')],
  ['integration tests', integration],
];

const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

function summary() {
  return `Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
}

async function main() {
  const t0 = Date.now();
  const report = [];
  let ok = true;
  for (const [i, [name, stage]] of stages.entries()) {
    console.log(`\n==> [${i + 1}/${stages.length}] ${name}`);
    const ts = Date.now();
    let passed;
    try {
      passed = await stage();
    } catch (err) {
      console.error(err.stack || err.message);
      passed = false;
    }
    report.push(`  ${passed ? 'ok  ' : 'FAIL'} ${name.padEnd(18)} ${seconds(ts)}`);
    console.log(`<== ${name}: ${passed ? 'passed' : 'FAILED'} in ${seconds(ts)}`);
    if (!passed) {
      ok = false;
      break;
    }
  }
  const executed = totals.passed + totals.failed;
  if (ok && executed === 0) console.error('\nNo test ran: that counts as a failure.');
  console.log(`\nStages (${seconds(t0)} in all):\n${report.join('\n')}`);
  console.log(summary());
  process.exitCode = ok && totals.failed === 0 && executed > 0 ? 0 : 1;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping`);
    if (current) current.kill('SIGTERM');
    if (infra) await infra.stop().catch(() => {});
    console.log(summary());
    process.exit(130);
  });
}

main();
