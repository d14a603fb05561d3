'use strict';
// mongo-java-server: a MongoDB wire-protocol server on the JVM (no mongod is installable here; see INFRA.md).
const fs = require('node:fs');
const path = require('node:path');
const { mavenJars, javaClasses, findExecutable } = require('./lib/provision');
const { spawnManaged, waitUntilReady } = require('./lib/proc');
const { HOST } = require('./lib/ports');

const MONGO_JAVA_SERVER_VERSION = '1.47.0';

async function provisionMongo({ log }) {
  const dir = await mavenJars({
    id: `mongo-java-server-${MONGO_JAVA_SERVER_VERSION}`,
    deps: [
      ['de.bwaldvogel', 'mongo-java-server', MONGO_JAVA_SERVER_VERSION],
      ['de.bwaldvogel', 'mongo-java-server-h2-backend', MONGO_JAVA_SERVER_VERSION],
      // mongo-java-server 1.47 logs through slf4j-api 2.0.x.
      ['org.slf4j', 'slf4j-simple', '2.0.17'],
    ],
    log,
  });
  const libs = `${path.join(dir, 'libs')}/*`;
  const classes = await javaClasses({ source: path.join(__dirname, 'mongo', 'MongoLauncher.java'), classpath: libs, log });
  return `${libs}${path.delimiter}${classes}`;
}

async function probeMongo(uri, timeoutMs = 2000) {
  const { MongoClient } = require('mongodb');
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: timeoutMs, connectTimeoutMS: timeoutMs });
  try {
    await client.connect();
    const reply = await client.db('admin').command({ ping: 1 });
    return reply.ok === 1;
  } finally {
    await client.close().catch(() => {});
  }
}

/** `h2File`: persist to that file; without it, the in-memory backend. */
async function startMongo({ port, h2File, logsDir, log, track = () => {} }) {
  const classpath = await provisionMongo({ log });
  const args = ['-Xms64m', '-Xmx2g', '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn', '-Dorg.slf4j.simpleLogger.showDateTime=true', '-cp', classpath, 'MongoLauncher', '--host', HOST, '--port', String(port)];
  if (h2File) {
    fs.mkdirSync(path.dirname(h2File), { recursive: true });
    args.push('--h2-file', h2File);
  }
  const handle = spawnManaged({
    name: 'mongo',
    cmd: findExecutable('java'),
    args,
    logFile: path.join(logsDir, 'mongo.log'),
    ignoreSigint: true,
  });
  track(handle);
  const uri = `mongodb://${HOST}:${port}`;
  try {
    await waitUntilReady(handle, () => probeMongo(uri, 1000), { timeoutMs: 60000, intervalMs: 250, what: `mongo-java-server on ${uri}` });
  } catch (err) {
    await handle.stop(5000);
    throw err;
  }
  return { handle, env: { MONGODB_URI: uri } };
}

module.exports = { startMongo, provisionMongo, probeMongo, MONGO_JAVA_SERVER_VERSION };
