#!/usr/bin/env node
'use strict';
// npm run demo: with the platform started by `npm start`, runs one invented client's journey against it and prints each
// step as it is observed: registered -> assessed (scores) -> assigned -> plan -> referral -> matched (with reasons) ->
// accepted -> completed -> notifications sent. Prints ids, codes and statuses only, never personal data.
const http = require('node:http');
const { Webhook } = require('standardwebhooks');
const { journey } = require('../../apps/e2e/src/journey/journey.js');
const { mint, devSecret } = require('./dev-token.js');

const port = (name, fallback) => Number(process.env[name] ?? fallback);
const urls = {
  intake: `http://127.0.0.1:${port('INTAKE_PORT', 3001)}`,
  'care-planning': `http://127.0.0.1:${port('CARE_PLANNING_PORT', 3002)}`,
  'resource-directory': `http://127.0.0.1:${port('RESOURCE_DIRECTORY_PORT', 3003)}`,
  notification: `http://127.0.0.1:${port('NOTIFICATION_PORT', 3004)}`,
};
const tenant = process.env.DEMO_TENANT ?? 'demo-tenant';
const t0 = Date.now();
const stamp = () => `[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s]`;
const say = (step, text) => console.log(`${stamp()} ${step.padEnd(10)} ${text}`);

function startPartnerEndpoint(received) {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function describeResult(a) {
  const parts = [`total ${a.total ?? '-'}`];
  if (a.band) parts.push(a.band);
  parts.push(a.positive ? 'positive' : 'negative');
  if (a.urgent) parts.push('URGENT');
  return `${a.instrument}: ${parts.join(', ')}`;
}

async function main() {
  for (const [name, url] of Object.entries(urls)) {
    const res = await fetch(`${url}/health/ready`).catch(() => null);
    if (!res || res.status !== 200) throw new Error(`${name} is not ready at ${url}: start the platform with \`npm start\` first`);
  }
  const secret = devSecret();
  const received = [];
  const server = await startPartnerEndpoint(received);
  const webhookUrl = `http://127.0.0.1:${server.address().port}/partner-events`;
  const flow = journey({
    urls,
    expectPartner: true,
    token: ({ roles, sub, org, partner }) => mint({ secret, roles, tenant, sub, org, partner, ttl: '1h' }),
  });

  say('setup', `tenant ${tenant}: care team, directory (HSDS seed), partner webhook at ${webhookUrl}`);
  const { subscription } = await flow.prepare({ webhookUrl });
  const result = await flow.run({
    on: (step, d) => {
      if (step === 'registered') say(step, `client ${d.clientId}${d.possibleDuplicateOf?.length ? ` (possible duplicate of ${d.possibleDuplicateOf.join(', ')})` : ''}`);
      if (step === 'assessed') {
        for (const a of d.assessments) say(step, describeResult(a));
        const needs = d.assessments.flatMap((a) => a.needs ?? []);
        say(step, `needs: ${needs.map((n) => `${n.category} (${n.domain}, ${n.severity}${n.urgent ? ', urgent' : ''})`).join('; ')}`);
      }
      if (step === 'assigned') for (const c of d.cases) say(step, `${c.role} -> ${c.assigneeId ?? 'unassigned'} (${c.reason})`);
      if (step === 'plan') {
        const p = d.plan;
        const urgent = p.tasks.filter((t) => t.priority === 'urgent').length;
        say(step, `version ${p.version}: ${p.problems.length} problems, ${p.goals.length} goals, ${p.interventions.length} interventions, ${p.tasks.length} tasks (${urgent} urgent)`);
        for (const t of p.tasks) say(step, `  task ${t.templateKey} -> ${t.ownerId ?? t.ownerRole}, due ${t.dueDate}${t.priority === 'urgent' ? ' URGENT' : ''}`);
      }
      if (step === 'referral') say(step, `referral ${d.referral.id} for ${d.referral.needCategory} (${d.referral.urgency}), status ${d.referral.status}`);
      if (step === 'matched') {
        for (const c of (d.referral.candidates ?? []).slice(0, 3)) {
          const chosen = c.serviceId === d.referral.selectedServiceId ? ' <- referred' : '';
          say(step, `  ${c.serviceId} score ${c.score.toFixed(2)}${c.distanceKm !== undefined ? `, ${c.distanceKm.toFixed(1)} km` : ''} [${c.reasons.join(', ')}]${chosen}`);
        }
      }
      if (step === 'accepted' || step === 'completed') {
        say(step, `referral ${d.referral.id}: ${d.referral.status}${d.referral.outcome ? ` (${d.referral.outcome})` : ''} by organization ${d.referral.selectedOrganizationId}`);
      }
      if (step === 'notified') {
        for (const n of d.notifications) {
          say(step, `  ${n.channel.padEnd(7)} to ${n.recipientKind.padEnd(9)} ${n.templateKey ?? n.eventType ?? ''} -> ${n.status} after ${n.attempts.length} attempt(s)`);
        }
      }
    },
  });
  const verifier = new Webhook(subscription.secret);
  const mine = received.filter((w) => w.body.includes(result.clientId));
  const verified = mine.filter((w) => {
    try {
      verifier.verify(w.body, w.headers);
      return true;
    } catch {
      return false;
    }
  });
  say('partner', `${mine.length} webhook(s) received for this client, ${verified.length} with a valid Standard Webhooks signature`);
  say('done', `assessment to last notification: ${result.latencyMs} ms; correlation id ${result.correlationId}`);
  server.close();
}

main().catch((err) => {
  console.error(`demo failed: ${err.message}`);
  process.exit(1);
});
