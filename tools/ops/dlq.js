#!/usr/bin/env node
'use strict';
// npm run dlq -- list <topic>                      dead letters of <topic>.dlq: ids, handler, reason (never payloads)
// npm run dlq -- replay <topic> [--offset p:o ...] re-publish them (all, or the given ones) to <topic>
// <topic> is a catalog topic such as intake.need-assessed.v1. Broker: KAFKA_BROKERS (default 127.0.0.1:9092),
// prefix: KAFKA_TOPIC_PREFIX. Replay is safe to repeat: consumers skip event ids they have already handled.
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
process.env.SWC_NODE_PROJECT ??= path.join(root, 'tsconfig.base.json');
require('@swc-node/register');
const { Kafka, logLevel } = require('kafkajs');
const { DeadLetterReplayer } = require(path.join(root, 'libs/messaging/src/consumer/dead-letter-replayer.ts'));
const { Topics } = require(path.join(root, 'libs/contracts/src/catalog/topics.ts'));

function usage(message) {
  if (message) process.stderr.write(`dlq: ${message}\n`);
  process.stderr.write('usage: npm run dlq -- list <topic> | replay <topic> [--offset <partition:offset> ...]\n');
  process.stderr.write(`topics: ${Object.values(Topics).join(', ')}\n`);
  process.exit(2);
}

async function main() {
  const [command, topic, ...rest] = process.argv.slice(2);
  if (!['list', 'replay'].includes(command)) usage(command ? `unknown command ${command}` : undefined);
  if (!Object.values(Topics).includes(topic)) usage(`${topic ?? '(none)'} is not a catalog topic`);
  const offsets = [];
  for (let i = 0; i < rest.length; i += 2) {
    if (rest[i] !== '--offset' || !/^\d+:\d+$/.test(rest[i + 1] ?? '')) usage(`unexpected ${rest[i]}`);
    offsets.push(rest[i + 1]);
  }
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const kafka = new Kafka({ clientId: 'careloop-dlq', brokers, logLevel: logLevel.WARN });
  const replayer = new DeadLetterReplayer(kafka, process.env.KAFKA_TOPIC_PREFIX ?? '');
  if (command === 'list') {
    const letters = await replayer.list(topic);
    for (const l of letters) {
      process.stdout.write(
        `${l.dlqOffset.padEnd(8)} ${l.failedAt ?? '-'} event ${l.eventId ?? '-'} handler ${l.handler ?? '-'} ` +
          `from ${l.originalPartition ?? '?'}:${l.originalOffset ?? '?'} reason: ${l.reason ?? '-'}\n`,
      );
    }
    process.stdout.write(`${letters.length} dead letter(s) on ${topic}.dlq\n`);
  } else {
    const count = await replayer.replay(topic, offsets.length ? offsets : undefined);
    process.stdout.write(`replayed ${count} dead letter(s) to ${topic}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`dlq: ${err.message}\n`);
  process.exit(1);
});
