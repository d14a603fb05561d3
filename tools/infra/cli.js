#!/usr/bin/env node
'use strict';
// npm run infra -- up | status
const fs = require('node:fs');
const path = require('node:path');
const { ensureInfra, ensureCatalogTopics, devDataDir, cacheDir, DEV_PORTS } = require('./index');
const { portFromEnv, canConnect, HOST } = require('./lib/ports');

const USAGE = `usage: node tools/infra/cli.js <command>
  up       start Kafka, MongoDB protocol server and Mailpit (dev profile) in the foreground; Ctrl-C stops them
  status   show which dev ports answer, and where the cache and data are`;

async function up() {
  const infra = await ensureInfra({ profile: 'dev', handleSignals: false });
  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping infrastructure...`);
    await infra.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  try {
    await ensureCatalogTopics({ brokers: infra.env.KAFKA_BROKERS, log: (m) => console.log(`[infra] ${m}`) });
  } catch (err) {
    console.error(err.message);
    await infra.stop();
    process.exit(1);
  }
  console.log('\nInfrastructure is up (Ctrl-C stops it):');
  for (const [name, value] of Object.entries(infra.env)) console.log(`  ${name}=${value}`);
  if (infra.started.length < 3) console.log(`  (started here: ${infra.started.join(', ') || 'nothing'}; the rest is reused)`);
}

async function status() {
  console.log(`cache: ${cacheDir()}`);
  const dataDir = devDataDir();
  const ownerFile = path.join(dataDir, 'owner.pid');
  const owner = fs.existsSync(ownerFile) ? fs.readFileSync(ownerFile, 'utf8').trim() : null;
  console.log(`dev data: ${dataDir}${owner ? ` (in use by process ${owner})` : ''}`);
  for (const { what, envVar, port } of Object.values(DEV_PORTS)) {
    const p = portFromEnv(envVar, port);
    const open = await canConnect(p, HOST, 500);
    console.log(`  ${what.padEnd(18)} ${HOST}:${String(p).padEnd(6)} ${open ? 'answering' : 'closed'}  (${envVar})`);
  }
}

const commands = { up, status };
const command = commands[process.argv[2]];
if (!command) {
  console.error(USAGE);
  process.exit(2);
}
command().catch((err) => {
  console.error(`\n${err.message}`);
  process.exit(1);
});
