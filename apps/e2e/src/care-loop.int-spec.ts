import { MongoClient } from 'mongodb';
import { Webhook } from 'standardwebhooks';
import { Role, Topics, decodeEvent, eventByType, fromKafkaRecord } from '@careloop/contracts';
import { mintDevToken } from '@careloop/security';
import { TEST_AUTH_SECRET, TopicRecorder, eventually } from '@careloop/testing';
import { WebhookReceiver } from './webhook-receiver';

// The journey and the platform launcher are plain JavaScript shared with `npm run demo` and the care-loop benchmark.
const { journey, MANAGERS, PARTNER_ID } = require('./journey/journey.js');
const { startPlatform } = require('./journey/platform.js');

interface Platform {
  urls: Record<string, string>;
  logDir: string;
  stop(): Promise<void>;
}

interface MailpitMessage {
  ID: string;
  To: Array<{ Address: string }>;
  Subject: string;
}

const TENANT = `e2e-${Date.now()}`;
const topicOf = (t: string): string => `${process.env['KAFKA_TOPIC_PREFIX'] ?? ''}${t}`;
const CLINICAL_WORDS = /depress|PHQ|self-harm|suicid|anxiety|hunger|food insecurity|score/i;

describe('one client through the whole platform (HTTP in, Kafka between, database, SMTP and webhooks out)', () => {
  let platform: Platform;
  let recorder: TopicRecorder;
  let receiver: WebhookReceiver;
  let mongo: MongoClient;

  beforeAll(async () => {
    recorder = await new TopicRecorder(Object.values(Topics).map(topicOf)).start();
    receiver = new WebhookReceiver();
    platform = await startPlatform({
      env: {
        KAFKA_BROKERS: process.env['KAFKA_BROKERS'],
        MONGODB_URI: process.env['MONGODB_URI'],
        SMTP_URL: process.env['SMTP_URL'],
        KAFKA_TOPIC_PREFIX: process.env['KAFKA_TOPIC_PREFIX'],
        MONGODB_DB_PREFIX: process.env['MONGODB_DB_PREFIX'],
        AUTH_DEV_SECRET: TEST_AUTH_SECRET,
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        OUTBOX_POLL_MS: '200',
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
      },
    });
    mongo = await MongoClient.connect(process.env['MONGODB_URI'] as string);
  });

  afterAll(async () => {
    await platform?.stop();
    await recorder?.stop();
    await receiver?.stop();
    await mongo?.close();
  });

  it('registers, assesses, assigns, plans, refers, matches, closes the loop and notifies', async () => {
    const webhookUrl = await receiver.start();
    const flow = journey({
      urls: platform.urls,
      expectPartner: true,
      token: ({ roles, sub, org, partner }: { roles: Role[]; sub?: string; org?: string; partner?: string }) =>
        mintDevToken({
          secret: TEST_AUTH_SECRET,
          issuer: 'careloop-dev',
          audience: 'careloop',
          subject: sub ?? `e2e-${roles[0]}`,
          tenantId: TENANT,
          roles,
          organizationId: org,
          partnerId: partner,
        }),
    });
    const { subscription } = await flow.prepare({ webhookUrl, directorySize: 300 });
    const steps: string[] = [];
    const result = await flow.run({ on: (step: string) => steps.push(step), timeoutMs: 90_000 });
    expect(steps).toEqual(['registered', 'assessed', 'assigned', 'plan', 'referral', 'matched', 'accepted', 'completed', 'notified']);
    const { clientId, correlationId } = result;

    // --- what landed on Kafka: every event of this client, each valid against its schema, one correlation id ---
    const mine = () =>
      recorder.records
        .map((r) => fromKafkaRecord({ key: r.key, value: r.value, headers: r.headers }))
        .filter((e) => (e.data as { clientId?: string }).clientId === clientId);
    const types = await eventually(() => {
      const seen = mine().map((e) => e.type.split('.')[2]);
      expect(seen).toEqual(expect.arrayContaining(['ClientRegistered', 'NeedAssessed', 'CaseAssigned', 'ReferralMade', 'ResourcesMatched', 'ReferralStatusChanged', 'NotificationDelivered']));
      return seen;
    }, 30_000);
    const count = (t: string) => types.filter((x) => x === t).length;
    expect(count('ClientRegistered')).toBe(1);
    expect(count('NeedAssessed')).toBe(2);
    expect(count('CaseAssigned')).toBe(2);
    expect(count('ReferralMade')).toBe(1);
    expect(count('ResourcesMatched')).toBe(1);
    expect(count('ReferralStatusChanged')).toBe(3); // requested, accepted, completed
    for (const envelope of mine()) {
      const def = eventByType(envelope.type);
      expect(def).toBeDefined();
      if (def) expect(() => decodeEvent(def, envelope)).not.toThrow();
      expect(envelope.tenantid).toBe(TENANT);
      expect(envelope.correlationid).toBe(correlationId);
    }
    const referralMade = mine().find((e) => e.type.endsWith('ReferralMade.v1'));
    expect(JSON.stringify(referralMade?.data)).not.toMatch(/answers|PHQ|score|Journeyperson|1979/);
    // The client consented to share with community organizations, whatever order care-planning saw the events in.
    expect((referralMade?.data as { consentToShare: boolean }).consentToShare).toBe(true);

    // --- what each service stored for this client ---
    const db = (svc: string) => mongo.db(`${process.env['MONGODB_DB_PREFIX'] ?? ''}${svc}`);
    const client = await db('intake').collection('clients').findOne({ tenantId: TENANT, _id: clientId as never });
    expect(client?.['outbox']).toEqual([]);
    expect(await db('intake').collection('assessments').countDocuments({ tenantId: TENANT, clientId })).toBe(2);

    const plan = await db('care_planning').collection('care_plans').findOne({ tenantId: TENANT, clientId });
    expect(plan).toBeTruthy();
    const cases = plan?.['cases'] as Array<{ role: string; assigneeId?: string }>;
    expect(cases.map((c) => c.role).sort()).toEqual(['care-manager', 'case-manager']);
    const careManagers = MANAGERS.filter((m: { role: string }) => m.role === 'care-manager').map((m: { id: string }) => m.id);
    expect(careManagers).toContain(cases.find((c) => c.role === 'care-manager')?.assigneeId);
    await eventually(async () => {
      const latest = await db('care_planning').collection('care_plans').findOne({ tenantId: TENANT, clientId });
      const referrals = latest?.['referrals'] as Array<{ status: string; outcome?: string }>;
      expect(referrals).toEqual([expect.objectContaining({ status: 'completed', outcome: 'got-help' })]);
    });

    const referral = await db('resource_directory').collection('referrals').findOne({ tenantId: TENANT, clientId });
    expect(referral?.['status']).toBe('completed');

    const notifications = await db('notification').collection('notifications').find({ tenantId: TENANT, clientId }).toArray();
    const delivered = notifications.filter((n) => n['status'] === 'delivered');
    expect(new Set(delivered.map((n) => n['recipientKind']))).toEqual(new Set(['care-team', 'client', 'partner']));
    for (const n of notifications) expect((n['attempts'] as unknown[]).length).toBeGreaterThan(0);

    // --- the SMTP server's mailbox: the managers and the client were told, the client's mail carries no clinical words ---
    const mailpit = process.env['MAILPIT_API_URL'] as string;
    const inbox = async (to: string): Promise<MailpitMessage[]> =>
      ((await (await fetch(`${mailpit}/api/v1/search?query=${encodeURIComponent(`to:"${to}"`)}`)).json()) as { messages: MailpitMessage[] })
        .messages;
    const assigned = cases.map((c) => `${c.assigneeId}@care-team.example.test`);
    for (const address of assigned) expect((await inbox(address)).length).toBeGreaterThan(0);
    const clientMail = await inbox(String(client?.['contact']?.email));
    expect(clientMail.length).toBeGreaterThan(0);
    for (const m of clientMail) {
      const full = (await (await fetch(`${mailpit}/api/v1/message/${m.ID}`)).json()) as { Text: string; HTML: string; Subject: string };
      expect(`${full.Subject} ${full.Text} ${full.HTML}`).not.toMatch(CLINICAL_WORDS);
    }

    // --- the partner's webhook endpoint: signed deliveries with ids and statuses only ---
    const forClient = receiver.received.filter((w) => w.body.includes(clientId));
    expect(forClient.length).toBeGreaterThanOrEqual(2);
    const verifier = new Webhook(subscription.secret);
    for (const w of forClient) {
      expect(() => verifier.verify(w.body, w.headers)).not.toThrow();
      expect(w.body).not.toMatch(/Journeyperson|1979-05-17|example\.test|answers|statusReason/);
    }
    expect(subscription.partnerId).toBe(PARTNER_ID);
  });

  it('describes every endpoint of every service in its OpenAPI document', async () => {
    for (const [service, url] of Object.entries(platform.urls)) {
      const doc = (await (await fetch(`${url}/docs-json`)).json()) as {
        openapi: string;
        paths: Record<string, Record<string, { tags?: string[]; responses?: Record<string, unknown>; security?: unknown[] }>>;
      };
      expect(doc.openapi).toMatch(/^3\./);
      const operations = Object.entries(doc.paths).flatMap(([route, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ id: `${service} ${method.toUpperCase()} ${route}`, op })),
      );
      expect(operations.length).toBeGreaterThan(2);
      for (const { id, op } of operations) {
        expect({ id, tagged: (op.tags ?? []).length > 0 }).toEqual({ id, tagged: true });
        expect({ id, success: Object.keys(op.responses ?? {}).some((code) => /^2\d\d$/.test(code)) }).toEqual({ id, success: true });
      }
    }
  });

  it('answers health probes and exposes Prometheus metrics with the outbox backlog and consumer lag', async () => {
    for (const [service, url] of Object.entries(platform.urls)) {
      expect({ service, live: (await fetch(`${url}/health/live`)).status }).toEqual({ service, live: 200 });
      const ready = await fetch(`${url}/health/ready`);
      expect({ service, ready: ready.status }).toEqual({ service, ready: 200 });
      expect(await ready.json()).toMatchObject({ status: 'ok', checks: { kafka: { status: 'up' } } });
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toContain('kafka_consumer_lag');
      expect(metrics).toContain('http_server_request_duration_seconds');
      expect(metrics).toMatch(/^outbox_backlog\{/m);
      // Labels carry routes and codes, never ids: no UUID may appear in a metric line.
      expect(metrics).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    }
  });
});
