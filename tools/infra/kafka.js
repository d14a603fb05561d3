'use strict';
// Apache Kafka, single node KRaft (broker + controller in one JVM), from Maven Central jars.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const { Kafka, logLevel } = require('kafkajs');
const { mavenJars, run, findExecutable } = require('./lib/provision');
const { spawnManaged, waitUntilReady } = require('./lib/proc');
const { HOST } = require('./lib/ports');

const KAFKA_VERSION = '4.1.1';
const LOG4J_VERSION = '2.24.3';

function provisionKafka({ log }) {
  return mavenJars({
    id: `kafka-${KAFKA_VERSION}`,
    deps: [
      ['org.apache.kafka', 'kafka_2.13', KAFKA_VERSION],
      // The SLF4J 1.7 binding: without it the broker logs nothing at all.
      ['org.apache.logging.log4j', 'log4j-slf4j-impl', LOG4J_VERSION],
    ],
    log,
  }).then((dir) => path.join(dir, 'libs'));
}

function serverProperties({ port, controllerPort, logDir }) {
  return `# Written by tools/infra on every start (ports may change); the data in log.dirs is what persists.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@${HOST}:${controllerPort}
listeners=PLAINTEXT://${HOST}:${port},CONTROLLER://${HOST}:${controllerPort}
advertised.listeners=PLAINTEXT://${HOST}:${port}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${logDir}
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
`;
}

function log4j2Xml(logFile) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="WARN">
  <Appenders>
    <File name="file" fileName="${logFile}" append="true">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
    </File>
  </Appenders>
  <Loggers>
    <Root level="WARN"><AppenderRef ref="file"/></Root>
  </Loggers>
</Configuration>
`;
}

/** A base64url UUID, the form Kafka's cluster ids take. */
function randomClusterId() {
  const bytes = crypto.randomBytes(16);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return bytes.toString('base64url');
}

async function probeKafka(brokers, timeoutMs = 3000) {
  const kafka = new Kafka({
    clientId: 'careloop-infra-probe',
    brokers: [brokers].flat(),
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 3000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.listTopics();
    return cluster.brokers.length > 0 && cluster.controller !== null && cluster.controller !== -1;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/**
 * Starts a broker on `port` (controller on `controllerPort`) with its data under `dir`; formats the
 * log dir only when it has never been formatted.
 */
async function startKafka({ port, controllerPort, dir, logsDir, log, track = () => {} }) {
  const libs = await provisionKafka({ log });
  const java = findExecutable('java');
  const classpath = `${libs}/*`;
  const logDir = path.join(dir, 'data');
  const propsFile = path.join(dir, 'server.properties');
  const log4jFile = path.join(dir, 'log4j2.xml');
  fs.mkdirSync(logDir, { recursive: true });
  fs.writeFileSync(propsFile, serverProperties({ port, controllerPort, logDir }));
  // The broker's log4j output and the JVM's own stdout/stderr share one file (both append).
  const logFile = path.join(logsDir, 'kafka.log');
  fs.writeFileSync(log4jFile, log4j2Xml(logFile));

  if (!fs.existsSync(path.join(logDir, 'meta.properties'))) {
    const t0 = Date.now();
    await run(java, ['-cp', classpath, `-Dlog4j2.configurationFile=${log4jFile}`, 'kafka.tools.StorageTool', 'format', '-t', randomClusterId(), '-c', propsFile]);
    log(`kafka: formatted ${logDir} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }

  const handle = spawnManaged({
    name: 'kafka',
    cmd: java,
    args: ['-Xms256m', '-Xmx512m', '-Djava.awt.headless=true', `-Dlog4j2.configurationFile=${log4jFile}`, '-cp', classpath, 'kafka.Kafka', propsFile],
    logFile,
    ignoreSigint: true,
  });
  track(handle);
  const brokers = `${HOST}:${port}`;
  try {
    await waitUntilReady(handle, () => probeKafka(brokers), { timeoutMs: 180000, intervalMs: 1000, what: `Kafka on ${brokers}` });
  } catch (err) {
    await handle.stop(5000);
    throw err;
  }
  return { handle, env: { KAFKA_BROKERS: brokers } };
}

module.exports = { startKafka, provisionKafka, probeKafka, KAFKA_VERSION };
