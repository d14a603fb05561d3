import { getModelToken } from '@nestjs/mongoose';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { deadLetterTopicOf, decodeEvent, fromKafkaRecord } from '@careloop/contracts';
import { DLQ_HEADERS, DeadLetterReplayer, EventFactory, OutboxRelay, topicName } from '@careloop/messaging';
import { Model } from 'mongoose';
import { Producer } from 'kafkajs';
import { TestApp, startTestApp } from '../test-app';
import { TopicRecorder, createTestTopics, eventually, testKafka } from '../kafka-probe';
import { BackboneProbeModule, BackboneProbed, Probe, ProbeAttempts, ProbeEffect, ProbeWithOutbox } from './backbone-probe.fixture';

const TOPIC = topicName(BackboneProbed.topic);
const DLQ = topicName(deadLetterTopicOf(BackboneProbed.topic));
const TENANT = 'tenant-backbone';

describe('event backbone against the real broker and database', () => {
  let testApp: TestApp;
  let recorder: TopicRecorder;
  let producer: Producer;
  let probes: Model<ProbeWithOutbox>;
  let effects: Model<ProbeEffect>;
  let factory: EventFactory;
  let relay: OutboxRelay;

  beforeAll(async () => {
    await createTestTopics([TOPIC], 3);
    await createTestTopics([DLQ], 1);
    testApp = await startTestApp(BackboneProbeModule, { service: 'backbone-probe', env: { CONSUMER_MAX_ATTEMPTS: '3' } });
    probes = testApp.app.get(getModelToken(Probe.name));
    effects = testApp.app.get(getModelToken(ProbeEffect.name));
    factory = testApp.app.get(EventFactory);
    relay = testApp.app.get(OutboxRelay);
    recorder = await new TopicRecorder([TOPIC, DLQ]).start();
    producer = testKafka().producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await testApp?.close();
  });

  async function writeProbe(behaviour: 'ok' | 'fail' | 'unprocessable' = 'ok'): Promise<{ probeId: string; eventId: string }> {
    const probeId = randomUUID();
    const entry = factory.create(
      BackboneProbed,
      { probeId, step: 1, behaviour },
      { context: { tenantId: TENANT, correlationId: `corr-${probeId}` } },
    );
    await probes.create({ _id: probeId, tenantId: TENANT, state: 1, outbox: [entry] });
    relay.kick();
    return { probeId, eventId: entry.id };
  }

  const recordsFor = (topic: string, probeId: string) => recorder.on(topic).filter((r) => r.key === probeId);

  it('publishes a state change written with its event once, with a valid envelope, and handles it once', async () => {
    const { probeId, eventId } = await writeProbe();

    const [record] = await eventually(() => {
      const found = recordsFor(TOPIC, probeId);
      expect(found).toHaveLength(1);
      return found;
    });
    const envelope = decodeEvent(BackboneProbed, fromKafkaRecord({ key: record.key, value: record.value, headers: record.headers }));
    expect(envelope).toMatchObject({
      id: eventId,
      specversion: '1.0',
      type: 'careloop.intake.BackboneProbed.v1',
      source: '/careloop/backbone-probe',
      tenantid: TENANT,
      correlationid: `corr-${probeId}`,
      data: { probeId, step: 1, behaviour: 'ok' },
    });

    await eventually(async () => {
      const effect = await effects.findOne({ tenantId: TENANT, _id: probeId }).lean();
      expect(effect?.handled).toBe(1);
      expect(effect?.correlationIds).toEqual([`corr-${probeId}`]);
    });
    const stored = await probes.findOne({ tenantId: TENANT, _id: probeId }).lean();
    expect(stored?.outbox).toEqual([]);
    await relay.flush();
    expect(recordsFor(TOPIC, probeId)).toHaveLength(1);
  });

  it('gives the same event delivered twice one effect', async () => {
    const { probeId } = await writeProbe();
    const [record] = await eventually(() => {
      const found = recordsFor(TOPIC, probeId);
      expect(found).toHaveLength(1);
      return found;
    });
    await eventually(async () => expect((await effects.findOne({ tenantId: TENANT, _id: probeId }).lean())?.handled).toBe(1));

    await producer.send({ topic: TOPIC, messages: [{ key: record.key, value: record.value, headers: record.headers }] });
    await eventually(() => expect(recordsFor(TOPIC, probeId)).toHaveLength(2));
    // A later event on the same key (same partition) proves the duplicate was consumed before we look.
    const { probeId: marker } = await writeProbe();
    await eventually(async () => expect((await effects.findOne({ tenantId: TENANT, _id: marker }).lean())?.handled).toBe(1));
    expect((await effects.findOne({ tenantId: TENANT, _id: probeId }).lean())?.handled).toBe(1);
  });

  it('sends a poison message to the DLQ with its headers and the reason, and handles the next message on its partition', async () => {
    const key = randomUUID();
    await producer.send({
      topic: TOPIC,
      messages: [{ key, value: '{not json', headers: { 'x-origin': 'poison-test', ce_id: 'poison-1' } }],
    });
    // A valid event on the same key, so on the same partition, right behind the poison one.
    const entry = factory.create(
      BackboneProbed,
      { probeId: key, step: 2, behaviour: 'ok' },
      { context: { tenantId: TENANT, correlationId: 'after-poison' } },
    );
    await producer.send({ topic: TOPIC, messages: [{ key: entry.key, value: entry.value, headers: entry.headers }] });

    const [dead] = await eventually(() => {
      const found = recordsFor(DLQ, key);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(dead.value).toBe('{not json');
    expect(dead.headers['x-origin']).toBe('poison-test');
    expect(dead.headers['ce_id']).toBe('poison-1');
    expect(dead.headers[DLQ_HEADERS.originalTopic]).toBe(BackboneProbed.topic);
    expect(dead.headers[DLQ_HEADERS.reason]).toMatch(/EventContractError/);
    expect(dead.headers[DLQ_HEADERS.handler]).toBe('probe-handler');
    const original = recordsFor(TOPIC, key)[0];
    expect(dead.headers[DLQ_HEADERS.originalOffset]).toBe(original.offset);

    await eventually(async () => expect((await effects.findOne({ tenantId: TENANT, _id: key }).lean())?.handled).toBe(1));
  });

  it('retries a failing handler a bounded number of times, then dead-letters it without blocking the partition', async () => {
    const { probeId } = await writeProbe('fail');
    const [dead] = await eventually(() => {
      const found = recordsFor(DLQ, probeId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(dead.headers[DLQ_HEADERS.attempts]).toBe('3');
    expect(dead.headers[DLQ_HEADERS.reason]).toBe('Error');
    expect(testApp.app.get(ProbeAttempts).byProbe.get(probeId)).toBe(3);
    expect(dead.headers['ce_type']).toBe('careloop.intake.BackboneProbed.v1');
  });

  it('lists dead letters without their payload and replays one to its topic once the cause is fixed', async () => {
    const { probeId, eventId } = await writeProbe('fail');
    await eventually(() => expect(recordsFor(DLQ, probeId)).toHaveLength(1));
    const replayer = new DeadLetterReplayer(testKafka(), process.env['KAFKA_TOPIC_PREFIX'] ?? '');

    const letter = (await replayer.list(BackboneProbed.topic)).find((l) => l.key === probeId);
    expect(letter).toMatchObject({ eventId, handler: 'probe-handler', reason: 'Error', eventType: BackboneProbed.type });
    expect(JSON.stringify(letter)).not.toContain('behaviour');

    testApp.app.get(ProbeAttempts).healed.add(probeId);
    expect(await replayer.replay(BackboneProbed.topic, [letter?.dlqOffset as string])).toBe(1);
    await eventually(async () => expect((await effects.findOne({ tenantId: TENANT, _id: probeId }).lean())?.handled).toBe(1));
    const replayed = recordsFor(TOPIC, probeId);
    expect(replayed).toHaveLength(2);
    expect(replayed[1].headers['ce_id']).toBe(eventId);
    expect(replayed[1].headers[DLQ_HEADERS.reason]).toBeUndefined();

    // Replaying again has no second effect: the event id is in the inbox now.
    await replayer.replay(BackboneProbed.topic, [letter?.dlqOffset as string]);
    await eventually(() => expect(recordsFor(TOPIC, probeId)).toHaveLength(3));
    const { probeId: marker } = await writeProbe();
    await eventually(async () => expect((await effects.findOne({ tenantId: TENANT, _id: marker }).lean())?.handled).toBe(1));
    expect((await effects.findOne({ tenantId: TENANT, _id: probeId }).lean())?.handled).toBe(1);
  }, 90_000);

  it('dead-letters an unprocessable event at once, with its safe reason', async () => {
    const { probeId } = await writeProbe('unprocessable');
    const [dead] = await eventually(() => {
      const found = recordsFor(DLQ, probeId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(dead.headers[DLQ_HEADERS.attempts]).toBe('1');
    expect(dead.headers[DLQ_HEADERS.reason]).toContain('probe cannot be processed');
  });

  it('publishes after the writer is killed (SIGKILL) between the database write and the publish', async () => {
    const probeId = randomUUID();
    // Only the writer's process may touch the outbox until it is killed.
    await relay.stop();
    const child: ChildProcess = spawn(
      process.execPath,
      ['-r', '@swc-node/register', path.join(__dirname, 'outbox-writer.fixture.ts'), probeId, TENANT],
      { env: { ...process.env, SWC_NODE_PROJECT: path.resolve(__dirname, '../../../../tsconfig.base.json') }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const eventId = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`writer did not report; stderr: ${stderr.slice(0, 500)}`)), 45_000);
      child.stdout?.on('data', (d: Buffer) => {
        const m = /written (\S+)/.exec(d.toString());
        if (m) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`writer exited early (${code}); stderr: ${stderr.slice(0, 500)}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const stored = await probes.findOne({ tenantId: TENANT, _id: probeId }).lean();
    expect(stored?.outbox?.map((e) => e.id)).toEqual([eventId]);

    expect(recordsFor(TOPIC, probeId)).toHaveLength(0);
    relay.start();
    const [record] = await eventually(() => {
      const found = recordsFor(TOPIC, probeId);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(record.headers['ce_id']).toBe(eventId);
    await eventually(async () => expect((await effects.findOne({ tenantId: TENANT, _id: probeId }).lean())?.handled).toBe(1));
    expect((await probes.findOne({ tenantId: TENANT, _id: probeId }).lean())?.outbox).toEqual([]);
  }, 90_000);
});
