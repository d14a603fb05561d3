import { getModelToken } from '@nestjs/mongoose';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import {
  CaseAssigned,
  ClientRegistered,
  EventDefinition,
  NotificationDelivered,
  NotificationFailed,
  ReferralStatusChanged,
  ReferralStatusChangedV1,
  Roles,
  Topics,
  decodeEvent,
  fromKafkaRecord,
} from '@careloop/contracts';
import { EventFactory, OutboxEntry, topicName } from '@careloop/messaging';
import { TestApp, TopicRecorder, eventually, startTestApp, testKafka } from '@careloop/testing';
import { Producer } from 'kafkajs';
import type { Model } from 'mongoose';
import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import { DeferredEvent } from './notifications/schemas/deferred-event.schema';
import { ClientContact } from './client-contacts/schemas/client-contact.schema';

const TENANT = 'tenant-notification-a';
const PARTNER = 'partner-fake-insurer';
const DELIVERED = topicName(Topics.NotificationDelivered);
const FAILED = topicName(Topics.NotificationFailed);

/** Words that would betray clinical content or the organization's free text if they reached a client or a partner. */
const CLINICAL_WORDS = ['depress', 'phq', 'suicid', 'self-harm', 'mental', 'score', 'fake-reason-text'];

const rand = (): string => randomUUID().slice(0, 8);

interface ReceivedHook {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly answeredWith: number;
}

/** A real partner endpoint on 127.0.0.1 that records every request and answers 500 when told to. */
class WebhookReceiver {
  readonly received: ReceivedHook[] = [];
  failNext = 0;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const status = this.failNext > 0 ? 500 : 200;
        if (this.failNext > 0) this.failNext -= 1;
        this.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), answeredWith: status });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'down');
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}/hooks/careloop`;
  }

  forEvent(eventId: string): ReceivedHook[] {
    return this.received.filter((r) => (JSON.parse(r.body) as { id?: string }).id === eventId);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function signatureHeaders(hook: ReceivedHook): Record<string, string> {
  return {
    'webhook-id': String(hook.headers['webhook-id']),
    'webhook-timestamp': String(hook.headers['webhook-timestamp']),
    'webhook-signature': String(hook.headers['webhook-signature']),
  };
}

interface MailSummary {
  readonly ID: string;
  readonly Subject: string;
  readonly To: Array<{ Address: string }>;
}

/** Messages Mailpit holds for one address (exact match on the recipient). */
async function mailsTo(address: string): Promise<MailSummary[]> {
  const api = process.env['MAILPIT_API_URL'];
  if (!api) throw new Error('MAILPIT_API_URL is not set: run through the integration jest config');
  const res = await fetch(`${api}/api/v1/search?query=${encodeURIComponent(`to:"${address}"`)}&limit=50`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { messages: MailSummary[] };
  return body.messages.filter((m) => m.To.some((t) => t.Address.toLowerCase() === address.toLowerCase()));
}

async function mailContent(id: string): Promise<{ Subject: string; Text: string; HTML: string }> {
  const res = await fetch(`${process.env['MAILPIT_API_URL']}/api/v1/message/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { Subject: string; Text: string; HTML: string };
}

interface AttemptView {
  attempt: number;
  channel: string;
  outcome: string;
  failure?: string;
  retried?: boolean;
  durationMs: number;
}
interface NotificationView {
  id: string;
  sourceEventId: string;
  recipientKind: string;
  recipientRef: string;
  channel: string;
  status: string;
  attempts: AttemptView[];
}

describe('notification against the real broker, database, SMTP server and a real webhook receiver', () => {
  let testApp: TestApp;
  let recorder: TopicRecorder;
  let producer: Producer;
  let receiver: WebhookReceiver;
  let hookUrl: string;
  let contacts: Model<ClientContact>;
  let supervisor: string;
  let partner: string;
  const carePlanning = new EventFactory('care-planning');
  const intake = new EventFactory('intake');
  const resourceDirectory = new EventFactory('resource-directory');
  const logLines: string[] = [];
  const secretsSeen: string[] = [];
  const addressesUsed: string[] = [];
  let stdoutSpy: jest.SpyInstance | undefined;

  type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
  async function call(method: Method, url: string, token: string, body?: object) {
    return testApp.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(body ? { payload: body } : {}) });
  }

  async function produce<S extends z.ZodType>(factory: EventFactory, def: EventDefinition<S>, data: z.infer<S>): Promise<OutboxEntry> {
    const entry = factory.create(def, data, { context: { tenantId: TENANT, correlationId: `corr-${rand()}` } });
    await producer.send({ topic: topicName(def.topic), messages: [{ key: entry.key, value: entry.value, headers: entry.headers }] });
    return entry;
  }

  async function deferredOf(clientId: string): Promise<number> {
    return testApp.app.get<Model<DeferredEvent>>(getModelToken(DeferredEvent.name)).countDocuments({ tenantId: TENANT, clientId });
  }

  async function notificationsOf(clientId: string): Promise<NotificationView[]> {
    const res = await call('GET', `/notifications?clientId=${clientId}`, supervisor);
    expect(res.statusCode).toBe(200);
    return (res.json() as { items: NotificationView[] }).items;
  }

  function eventsOn(topic: string, notificationId: string, def: EventDefinition) {
    return recorder
      .on(topic)
      .filter((r) => r.key === notificationId)
      .map((r) => decodeEvent(def, fromKafkaRecord({ key: r.key, value: r.value, headers: r.headers })));
  }

  function referralChange(clientId: string, change: Partial<ReferralStatusChangedV1>): ReferralStatusChangedV1 {
    return {
      referralId: randomUUID(),
      clientId,
      serviceId: randomUUID(),
      organizationId: randomUUID(),
      needCategory: 'depression',
      from: 'requested',
      status: 'accepted',
      statusReason: 'fake-reason-text: client said the depression screening score was high',
      changedBy: 'receiver',
      changedAt: new Date().toISOString(),
      ...change,
    };
  }

  async function registerClient(contact: { email?: string; phone?: string; preferredChannel?: 'email' | 'sms' }, opts: { partner: boolean; sms: boolean }): Promise<string> {
    const clientId = randomUUID();
    await produce(intake, ClientRegistered, {
      clientId,
      registeredAt: new Date().toISOString(),
      context: { preferredLanguage: 'en', ageBand: '45-64' },
      consent: { shareWithCommunityOrganizations: true, shareWithPartners: opts.partner, contactByEmail: true, contactBySms: opts.sms },
      coverage: opts.partner ? [{ type: 'medicaid', partnerId: PARTNER, memberRef: `MEMBER-FAKE-${rand()}` }] : [{ type: 'none' }],
      contact: { preferredLanguage: 'en', ...contact },
      possibleDuplicateOf: [],
    });
    // Knowledge and the events that use it travel on different topics: wait until the copy is there.
    await eventually(async () => {
      const copy = await contacts.findOne({ tenantId: TENANT, clientId }).lean();
      expect(copy?.consent).toBeDefined();
    }, 45_000);
    return clientId;
  }

  beforeAll(async () => {
    stdoutSpy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      logLines.push(...text.split('\n').filter(Boolean));
      return true;
    });
    receiver = new WebhookReceiver();
    hookUrl = await receiver.start();
    const { AppModule } = jest.requireActual<typeof import('./app.module')>('./app.module');
    testApp = await startTestApp(AppModule, {
      service: 'notification',
      env: {
        LOG_LEVEL: 'info',
        WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
        NOTIFICATION_RETRY_BASE_DELAY_MS: '300',
        NOTIFICATION_DISPATCH_POLL_MS: '100',
        SMS_GATEWAY_URL: '',
        SMS_GATEWAY_TOKEN: '',
      },
    });
    contacts = testApp.app.get(getModelToken(ClientContact.name));
    recorder = await new TopicRecorder([DELIVERED, FAILED]).start();
    producer = testKafka().producer();
    await producer.connect();
    supervisor = await testApp.token({ tenantId: TENANT, roles: [Roles.Supervisor], subject: 'supervisor-fake-1' });
    partner = await testApp.token({ tenantId: TENANT, roles: [Roles.Partner], subject: 'partner-system-1', partnerId: PARTNER });
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await recorder?.stop();
    await testApp?.close();
    await receiver?.close();
    stdoutSpy?.mockRestore();
  });

  describe('care-team email', () => {
    const managerId = `mgr-fake-${rand()}`;
    const managerEmail = `care.manager.${rand()}@example.test`;
    const clientId = randomUUID();
    let first: OutboxEntry;

    it('lets users set their own preferences, and only supervisors or admins set anyone else', async () => {
      addressesUsed.push(managerEmail);
      const self = await testApp.token({ tenantId: TENANT, roles: [Roles.CareManager], subject: managerId });
      const other = await testApp.token({ tenantId: TENANT, roles: [Roles.CareManager], subject: `mgr-fake-other-${rand()}` });
      const body = { email: managerEmail, preferredChannel: 'email', language: 'en' };

      expect((await call('PUT', `/recipients/${managerId}`, other, body)).statusCode).toBe(403);
      const bad = await call('PUT', `/recipients/${managerId}`, self, { preferredChannel: 'sms', language: 'en', quietHours: { start: '22:00', end: '07:00', timeZone: 'Mars/Olympus' } });
      expect(bad.statusCode).toBe(400);
      expect((bad.json().fields as Array<{ field: string }>).map((f) => f.field)).toEqual(expect.arrayContaining(['phone', 'quietHours.timeZone']));

      const saved = await call('PUT', `/recipients/${managerId}`, self, body);
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ userId: managerId, email: managerEmail, preferredChannel: 'email', language: 'en' });
      const read = await call('GET', `/recipients/${managerId}`, supervisor);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ userId: managerId, email: managerEmail });
    });

    it('emails the assigned manager on CaseAssigned, records one attempt and publishes NotificationDelivered', async () => {
      const caseId = randomUUID();
      first = await produce(carePlanning, CaseAssigned, {
        caseId,
        clientId,
        needIds: [randomUUID()],
        role: 'care-manager',
        assigneeId: managerId,
        reason: 'caseload-balance',
        urgent: false,
        assignedAt: new Date().toISOString(),
      });

      const [mail] = await eventually(async () => {
        const found = await mailsTo(managerEmail);
        expect(found).toHaveLength(1);
        return found;
      }, 45_000);
      expect(mail.Subject).toContain(caseId);
      const content = await mailContent(mail.ID);
      expect(content.Text).toContain(caseId);

      const [notification] = await eventually(async () => {
        const found = await notificationsOf(clientId);
        expect(found).toHaveLength(1);
        expect(found[0].status).toBe('delivered');
        return found;
      });
      expect(notification).toMatchObject({ sourceEventId: first.id, recipientKind: 'care-team', recipientRef: managerId, channel: 'email' });
      expect(notification.attempts).toEqual([expect.objectContaining({ attempt: 1, channel: 'email', outcome: 'delivered' })]);
      expect(JSON.stringify(notification)).not.toContain(managerEmail);

      const single = await call('GET', `/notifications/${notification.id}`, supervisor);
      expect(single.statusCode).toBe(200);
      expect(single.json()).toMatchObject({ id: notification.id, status: 'delivered' });

      const [delivered] = await eventually(() => {
        const found = eventsOn(DELIVERED, notification.id, NotificationDelivered);
        expect(found).toHaveLength(1);
        return found;
      });
      expect(delivered).toMatchObject({
        tenantid: TENANT,
        causationid: first.id,
        data: { notificationId: notification.id, sourceEventId: first.id, channel: 'email', recipientRef: managerId, attempt: 1 },
      });
      expect(JSON.stringify(delivered)).not.toContain(managerEmail);
    });

    it('sends one email for an event delivered twice', async () => {
      await producer.send({ topic: topicName(Topics.CaseAssigned), messages: [{ key: first.key, value: first.value, headers: first.headers }] });
      // A later event on the same key (same partition) proves the duplicate was consumed before we count.
      const marker = await produce(carePlanning, CaseAssigned, {
        caseId: randomUUID(),
        clientId,
        needIds: [randomUUID()],
        role: 'care-manager',
        assigneeId: managerId,
        reason: 'supervisor-reassignment',
        urgent: true,
        assignedAt: new Date().toISOString(),
      });
      await eventually(async () => {
        const found = await notificationsOf(clientId);
        expect(found.map((n) => n.sourceEventId).sort()).toEqual([first.id, marker.id].sort());
        expect(found.every((n) => n.status === 'delivered')).toBe(true);
      }, 30_000);
      await eventually(async () => expect(await mailsTo(managerEmail)).toHaveLength(2));
      expect(eventsOn(DELIVERED, (await notificationsOf(clientId)).find((n) => n.sourceEventId === first.id)?.id ?? '', NotificationDelivered)).toHaveLength(1);
    });

    it('refuses the notification list to roles other than admin and supervisor', async () => {
      const manager = await testApp.token({ tenantId: TENANT, roles: [Roles.CareManager], subject: managerId });
      expect((await call('GET', `/notifications?clientId=${clientId}`, manager)).statusCode).toBe(403);
      expect((await call('GET', '/notifications?status=lost', supervisor)).statusCode).toBe(400);
    });
  });

  describe('partner webhooks and client messages', () => {
    let subscriptionId: string;
    let secret: string;
    let clientId: string;
    const clientEmail = `client.${rand()}@example.test`;

    it('subscribes a partner to a shareable event type, showing the secret once', async () => {
      const res = await call('POST', '/webhook-subscriptions', partner, { url: hookUrl, eventTypes: [ReferralStatusChanged.type] });
      expect(res.statusCode).toBe(201);
      const created = res.json() as { id: string; secret: string; partnerId: string; active: boolean };
      expect(created).toMatchObject({ partnerId: PARTNER, active: true });
      expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32,}={0,2}$/);
      expect(Buffer.from(created.secret.slice('whsec_'.length), 'base64').length).toBeGreaterThanOrEqual(24);
      subscriptionId = created.id;
      secret = created.secret;
      secretsSeen.push(secret);

      const list = await call('GET', '/webhook-subscriptions', partner);
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual([expect.objectContaining({ id: subscriptionId, url: hookUrl })]);
      expect(list.body).not.toContain(secret);

      const notShareable = await call('POST', '/webhook-subscriptions', partner, { url: hookUrl, eventTypes: [ClientRegistered.type] });
      expect(notShareable.statusCode).toBe(400);
      expect(notShareable.json().fields[0].field).toBe('eventTypes');
      const staff = await testApp.token({ tenantId: TENANT, roles: [Roles.CareManager] });
      expect((await call('POST', '/webhook-subscriptions', staff, { url: hookUrl, eventTypes: [ReferralStatusChanged.type] })).statusCode).toBe(403);
    });

    it('on an accepted referral, emails the client without clinical content and calls the partner with ids only, retrying a 500', async () => {
      addressesUsed.push(clientEmail);
      clientId = await registerClient({ email: clientEmail, preferredChannel: 'email' }, { partner: true, sms: false });
      receiver.failNext = 1;
      const change = referralChange(clientId, {});
      const event = await produce(resourceDirectory, ReferralStatusChanged, change);

      const [mail] = await eventually(async () => {
        const found = await mailsTo(clientEmail);
        expect(found).toHaveLength(1);
        return found;
      }, 45_000);
      const content = await mailContent(mail.ID);
      const mailText = `${content.Subject}\n${content.Text}\n${content.HTML}`.toLowerCase();
      expect(mailText).toContain(change.referralId);
      for (const word of CLINICAL_WORDS) expect(mailText).not.toContain(word);

      const hooks = await eventually(() => {
        const found = receiver.forEvent(event.id);
        expect(found).toHaveLength(2);
        return found;
      }, 30_000);
      expect(hooks.map((h) => h.answeredWith)).toEqual([500, 200]);
      expect(hooks[0].headers['webhook-id']).toBe(hooks[1].headers['webhook-id']);
      for (const hook of hooks) {
        expect(() => new Webhook(secret).verify(hook.body, signatureHeaders(hook))).not.toThrow();
        expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(hook.body, signatureHeaders(hook))).toThrow();
      }
      const payload = JSON.parse(hooks[1].body) as { subject: Record<string, string>; status: Record<string, string> };
      expect(Object.keys(payload).sort()).toEqual(['id', 'status', 'subject', 'tenant', 'time', 'type']);
      expect(payload.subject).toEqual({ clientId, referralId: change.referralId, serviceId: change.serviceId, organizationId: change.organizationId });
      expect(payload.status).toEqual({ from: 'requested', status: 'accepted', changedAt: change.changedAt });
      for (const word of CLINICAL_WORDS) expect(hooks[1].body.toLowerCase()).not.toContain(word);

      const byKind = await eventually(async () => {
        const found = await notificationsOf(clientId);
        expect(found).toHaveLength(2);
        expect(found.every((n) => n.status === 'delivered')).toBe(true);
        return Object.fromEntries(found.map((n) => [n.recipientKind, n]));
      });
      expect(byKind['client']).toMatchObject({ channel: 'email', recipientRef: clientId });
      expect(byKind['partner']).toMatchObject({ channel: 'webhook', recipientRef: subscriptionId });
      expect(byKind['partner'].attempts).toEqual([
        expect.objectContaining({ attempt: 1, channel: 'webhook', outcome: 'failed', failure: 'http-500', retried: true }),
        expect.objectContaining({ attempt: 2, channel: 'webhook', outcome: 'delivered' }),
      ]);

      const hookId = byKind['partner'].id;
      await eventually(() => {
        expect(eventsOn(FAILED, hookId, NotificationFailed).map((e) => e.data)).toEqual([
          expect.objectContaining({ attempt: 1, reason: 'http-500', final: false, channel: 'webhook' }),
        ]);
        expect(eventsOn(DELIVERED, hookId, NotificationDelivered).map((e) => e.data)).toEqual([expect.objectContaining({ attempt: 2 })]);
      });
    });

    it('signs with both the previous and the new secret after a rotation', async () => {
      const res = await call('POST', `/webhook-subscriptions/${subscriptionId}/rotate-secret`, partner);
      expect(res.statusCode).toBe(200);
      const rotated = res.json() as { secret: string; previousSecretValidUntil: string };
      expect(rotated.secret).not.toBe(secret);
      secretsSeen.push(rotated.secret);
      const graceHours = (Date.parse(rotated.previousSecretValidUntil) - Date.now()) / 3_600_000;
      expect(graceHours).toBeGreaterThan(23.9);
      expect(graceHours).toBeLessThanOrEqual(24);

      const event = await produce(resourceDirectory, ReferralStatusChanged, referralChange(clientId, { from: 'accepted', status: 'completed', outcome: 'got-help' }));
      const [hook] = await eventually(() => {
        const found = receiver.forEvent(event.id);
        expect(found).toHaveLength(1);
        return found;
      }, 30_000);
      expect(String(hook.headers['webhook-signature']).split(' ')).toHaveLength(2);
      expect(() => new Webhook(secret).verify(hook.body, signatureHeaders(hook))).not.toThrow();
      expect(() => new Webhook(rotated.secret).verify(hook.body, signatureHeaders(hook))).not.toThrow();
      // Completed is for partners only: the client was told once, on acceptance.
      expect(await mailsTo(clientEmail)).toHaveLength(1);
    });

    it('stops deliveries to a deactivated subscription', async () => {
      expect((await call('DELETE', `/webhook-subscriptions/${subscriptionId}`, partner)).statusCode).toBe(204);
      const list = await call('GET', '/webhook-subscriptions', partner);
      expect(list.json()).toEqual([expect.objectContaining({ id: subscriptionId, active: false })]);
      expect((await call('POST', `/webhook-subscriptions/${subscriptionId}/rotate-secret`, partner)).statusCode).toBe(409);
    });

    it('falls back to email when SMS cannot be sent (no gateway configured)', async () => {
      const email = `client.sms.${rand()}@example.test`;
      addressesUsed.push(email);
      const smsClient = await registerClient({ email, phone: '+15555550142', preferredChannel: 'sms' }, { partner: false, sms: true });
      await produce(resourceDirectory, ReferralStatusChanged, referralChange(smsClient, { needCategory: 'food-insecurity' }));

      await eventually(async () => expect(await mailsTo(email)).toHaveLength(1), 45_000);
      const [notification] = await eventually(async () => {
        const found = await notificationsOf(smsClient);
        expect(found).toHaveLength(1);
        expect(found[0].status).toBe('delivered');
        return found;
      });
      expect(notification.channel).toBe('email');
      expect(notification.attempts).toEqual([
        expect.objectContaining({ attempt: 1, channel: 'sms', outcome: 'failed', failure: 'sms-not-configured', retried: true }),
        expect.objectContaining({ attempt: 2, channel: 'email', outcome: 'delivered' }),
      ]);
    });
  });

  describe('events that overtake the client registration', () => {
    it('waits for the contact copy, then tells the client (Kafka gives no order across topics)', async () => {
      const clientId = randomUUID();
      const email = `late.client.${rand()}@example.test`;
      addressesUsed.push(email);
      // The referral is accepted before intake's ClientRegistered reaches this service.
      await produce(resourceDirectory, ReferralStatusChanged, referralChange(clientId, { needCategory: 'food-insecurity' }));
      await eventually(async () => expect(await deferredOf(clientId)).toBe(1), 30_000);
      expect(await mailsTo(email)).toHaveLength(0);

      await produce(intake, ClientRegistered, {
        clientId,
        registeredAt: new Date().toISOString(),
        context: { preferredLanguage: 'en', ageBand: '26-44' },
        consent: { shareWithCommunityOrganizations: true, shareWithPartners: false, contactByEmail: true, contactBySms: false },
        coverage: [{ type: 'none' }],
        contact: { preferredLanguage: 'en', preferredChannel: 'email', email },
        possibleDuplicateOf: [],
      });
      await eventually(async () => expect(await mailsTo(email)).toHaveLength(1), 45_000);
      const notes = await notificationsOf(clientId);
      expect(notes.filter((n) => n.recipientKind === 'client').map((n) => n.status)).toEqual(['delivered']);
      expect(await deferredOf(clientId)).toBe(0);
    });
  });

  describe('webhook targets without the private-target allowance', () => {
    it('refuses loopback, private and plain-http URLs with a field-level 400', async () => {
      const saved = process.env['WEBHOOK_ALLOW_PRIVATE_TARGETS'];
      const strict = await startTestApp(jest.requireActual<typeof import('./app.module')>('./app.module').AppModule, {
        service: 'notification',
        consume: false,
        env: { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'false', NOTIFICATION_DISPATCH_ENABLED: 'false', OUTBOX_RELAY_ENABLED: 'false' },
      });
      try {
        for (const url of [hookUrl, 'https://127.0.0.1/hook', 'https://localhost/hook', 'https://10.1.2.3/hook', 'https://169.254.169.254/latest']) {
          const res = await strict.app.inject({
            method: 'POST',
            url: '/webhook-subscriptions',
            headers: { authorization: `Bearer ${partner}` },
            payload: { url, eventTypes: [ReferralStatusChanged.type] },
          });
          expect(res.statusCode).toBe(400);
          expect(res.json().fields).toEqual([expect.objectContaining({ field: 'url' })]);
        }
      } finally {
        await strict.close();
        if (saved === undefined) delete process.env['WEBHOOK_ALLOW_PRIVATE_TARGETS'];
        else process.env['WEBHOOK_ALLOW_PRIVATE_TARGETS'] = saved;
        process.env['NOTIFICATION_DISPATCH_ENABLED'] = 'true';
        process.env['OUTBOX_RELAY_ENABLED'] = 'true';
      }
    });
  });

  describe('logs', () => {
    it('never carry a webhook secret or a recipient address', () => {
      expect(logLines.length).toBeGreaterThan(0);
      expect(secretsSeen).toHaveLength(2);
      for (const line of logLines) {
        for (const value of [...secretsSeen, ...addressesUsed]) expect(line).not.toContain(value);
      }
    });
  });
});
