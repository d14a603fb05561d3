'use strict';
// One client's story through the whole platform, over HTTP, as the people involved would drive it:
// registered -> assessed (scores) -> assigned -> plan -> referral -> matched (reasons) -> accepted -> completed ->
// notifications sent. Used by `npm run demo`, the end-to-end test and the care-loop benchmark.
const { randomUUID } = require('node:crypto');
const { call, waitFor } = require('./http');

const PARTNER_ID = 'partner-bayside-health';
const MANAGERS = [
  { id: 'cm-avery', role: 'care-manager', languages: ['en', 'es'] },
  { id: 'case-blake', role: 'case-manager', languages: ['en'] },
  { id: 'case-casey', role: 'case-manager', languages: ['en', 'es'] },
];

/** A client with obviously invented details (no real person). */
function fakeClient(n = Math.floor(Math.random() * 1e6)) {
  return {
    name: { given: ['Testa'], family: `Journeyperson${n}` },
    birthDate: '1979-05-17',
    sex: 'female',
    preferredLanguage: 'es',
    address: { line: [`${n % 900} Example Way`], city: 'Boston', state: 'MA', postalCode: '02118', latitude: 42.3398, longitude: -71.0703 },
    identifiers: [{ system: 'mrn', value: `MRN-${n}` }],
    coverage: [{ kind: 'medicaid', partnerId: PARTNER_ID, memberId: `M${n}` }],
    consent: { shareWithCommunityOrganizations: true, shareWithPartners: true, contactByEmail: true, contactBySms: false },
    contact: { preferredChannel: 'email', email: `client-${n}@example.test` },
  };
}

const PHQ9_MODERATE = [
  ['little-interest', 2],
  ['feeling-down', 2],
  ['sleep-trouble', 2],
  ['tired-little-energy', 2],
  ['appetite', 1],
  ['feeling-bad-about-self', 1],
  ['trouble-concentrating', 1],
  ['moving-slowly-or-fidgety', 1],
  ['self-harm-thoughts', 0],
].map(([itemKey, value]) => ({ itemKey, value }));

const HUNGER_AT_RISK = [
  { itemKey: 'food-worry', value: 'sometimes-true' },
  { itemKey: 'food-did-not-last', value: 'often-true' },
];

/**
 * @param {object} ctx
 * @param {Record<string,string>} ctx.urls  base URL per service
 * @param {(claims: {roles: string[], sub?: string, org?: string, partner?: string}) => Promise<string>} ctx.token
 */
function journey(ctx) {
  const u = ctx.urls;
  const as = (roles, extra = {}) => ctx.token({ roles, ...extra });

  /** Once per tenant: the care team, their contact preferences, the directory, a partner's webhook subscription. */
  async function prepare({ webhookUrl, directorySize = 300 } = {}) {
    const supervisor = await as(['supervisor', 'admin'], { sub: 'sup-dana' });
    for (const m of MANAGERS) {
      await call('PUT', `${u['care-planning']}/managers/${m.id}`, { token: supervisor, body: { role: m.role, active: true, languages: m.languages } });
      await call('PUT', `${u.notification}/recipients/${m.id}`, {
        token: supervisor,
        body: { email: `${m.id}@care-team.example.test`, preferredChannel: 'email', language: 'en' },
      });
    }
    const existing = await call('GET', `${u['resource-directory']}/services?perPage=1`, { token: supervisor });
    if ((existing.body.total ?? 0) === 0) {
      await call('POST', `${u['resource-directory']}/directory/seed`, {
        token: supervisor,
        body: { count: directorySize, seed: 42, center: { lat: 42.3398, lng: -71.0703 } },
      });
    }
    let subscription;
    if (webhookUrl) {
      const partner = await as(['partner'], { sub: 'bayside-integration', partner: PARTNER_ID });
      subscription = (
        await call('POST', `${u.notification}/webhook-subscriptions`, {
          token: partner,
          body: {
            url: webhookUrl,
            eventTypes: ['careloop.resource-directory.ReferralStatusChanged.v1', 'careloop.care-planning.CaseAssigned.v1'],
          },
        })
      ).body;
    }
    return { subscription };
  }

  /** The story of one client; `on(step, detail)` is called as each step is observed. */
  async function run({ on = () => {}, client = fakeClient(), timeoutMs = 60000 } = {}) {
    const correlationId = `journey-${randomUUID()}`;
    const staff = await as(['care-manager', 'case-manager', 'provider'], { sub: 'intake-nurse-eli' });
    const supervisor = await as(['supervisor', 'admin'], { sub: 'sup-dana' });
    const t = { start: Date.now() };

    const registered = await call('POST', `${u.intake}/clients`, { token: staff, body: client, correlationId });
    const clientId = registered.body.id;
    on('registered', { clientId, possibleDuplicateOf: registered.body.possibleDuplicateOf });

    t.assessed = Date.now();
    const phq9 = await call('POST', `${u.intake}/clients/${clientId}/assessments`, {
      token: staff,
      body: { instrument: 'PHQ-9', answers: PHQ9_MODERATE },
      correlationId,
    });
    const hvs = await call('POST', `${u.intake}/clients/${clientId}/assessments`, {
      token: staff,
      body: { instrument: 'HUNGER-VITAL-SIGN', answers: HUNGER_AT_RISK },
      correlationId,
    });
    on('assessed', { assessments: [phq9.body, hvs.body] });

    const plan = await waitFor(
      'a care plan with both needs assigned',
      async () => {
        const res = await call('GET', `${u['care-planning']}/clients/${clientId}/care-plan`, { token: supervisor, expect: [200, 404] });
        const ready = res.status === 200 && res.body.problems.length >= 2 && res.body.cases.filter((c) => c.assigned).length >= 2;
        return ready ? res.body : null;
      },
      { timeoutMs },
    );
    on('assigned', { cases: plan.cases });
    on('plan', { plan });

    const referral = await waitFor(
      'a matched referral',
      async () => {
        const res = await call('GET', `${u['resource-directory']}/referrals?clientId=${clientId}`, { token: supervisor });
        const items = res.body.items ?? res.body;
        return items.find((r) => r.selectedServiceId || r.selected) ?? null;
      },
      { timeoutMs },
    );
    on('referral', { referral });
    on('matched', { referral });

    const organizationId = referral.selectedOrganizationId ?? referral.selected?.organizationId;
    const org = await as(['organization'], { sub: 'org-staff-fay', org: organizationId });
    const accepted = await call('PATCH', `${u['resource-directory']}/referrals/${referral.id ?? referral.referralId}/status`, {
      token: org,
      body: { status: 'accepted' },
      correlationId,
    });
    on('accepted', { referral: accepted.body });
    const completed = await call('PATCH', `${u['resource-directory']}/referrals/${referral.id ?? referral.referralId}/status`, {
      token: org,
      body: { status: 'completed', outcome: 'got-help' },
      correlationId,
    });
    on('completed', { referral: completed.body });

    let seen = 'nothing yet';
    const notifications = await waitFor(
      'notifications delivered to the care team, the client and the partner',
      async () => {
        const res = await call('GET', `${u.notification}/notifications?clientId=${clientId}`, { token: supervisor });
        const items = res.body.items ?? res.body;
        seen = items.map((n) => `${n.recipientKind}/${n.channel}/${n.templateKey ?? '-'}:${n.status}`).join(', ') || 'none';
        const delivered = items.filter((n) => n.status === 'delivered');
        const kinds = new Set(delivered.map((n) => n.recipientKind));
        return kinds.has('care-team') && kinds.has('client') && (!ctx.expectPartner || kinds.has('partner')) ? items : null;
      },
      { timeoutMs, describe: () => `notifications seen: ${seen}` },
    );
    t.end = Date.now();
    on('notified', { notifications });
    return { clientId, correlationId, referral, plan, notifications, latencyMs: t.end - t.assessed };
  }

  return { prepare, run };
}

module.exports = { journey, fakeClient, PARTNER_ID, MANAGERS, PHQ9_MODERATE, HUNGER_AT_RISK };
