#!/usr/bin/env node
'use strict';
// npm run token -- --role care-manager [--tenant demo] [--sub alice] [--org org-1] [--partner p-1] [--ttl 1h]
// Mints a development bearer token signed with the checkout's development secret (.local/dev-auth-secret, created by
// npm start) or AUTH_DEV_SECRET. Development only: production verifies tokens from the identity provider's JWKS.
const fs = require('node:fs');
const path = require('node:path');

function parseArgs(argv) {
  const args = { roles: [], tenant: 'demo-tenant', ttl: '8h' };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--role') args.roles.push(value);
    else if (flag === '--tenant') args.tenant = value;
    else if (flag === '--sub') args.sub = value;
    else if (flag === '--org') args.org = value;
    else if (flag === '--partner') args.partner = value;
    else if (flag === '--ttl') args.ttl = value;
    else throw new Error(`unknown option ${flag}`);
  }
  if (args.roles.length === 0) throw new Error('at least one --role (care-manager, case-manager, supervisor, provider, organization, partner, admin)');
  return args;
}

function devSecret() {
  if (process.env.AUTH_DEV_SECRET) return process.env.AUTH_DEV_SECRET;
  const file = path.resolve(__dirname, '../../.local/dev-auth-secret');
  if (!fs.existsSync(file)) throw new Error('no development secret yet: run `npm start` once (it creates .local/dev-auth-secret)');
  return fs.readFileSync(file, 'utf8').trim();
}

async function mint({ secret, roles, tenant, sub, org, partner, ttl }) {
  const { SignJWT } = require('jose');
  return new SignJWT({ tenant_id: tenant, roles, ...(org ? { org_id: org } : {}), ...(partner ? { partner_id: partner } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub ?? `dev-${roles[0]}`)
    .setIssuer(process.env.AUTH_ISSUER ?? 'careloop-dev')
    .setAudience(process.env.AUTH_AUDIENCE ?? 'careloop')
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(new TextEncoder().encode(secret));
}

module.exports = { mint, devSecret };

if (require.main === module) {
  (async () => {
    const args = parseArgs(process.argv.slice(2));
    process.stdout.write(`${await mint({ secret: devSecret(), ...args })}\n`);
  })().catch((err) => {
    process.stderr.write(`token: ${err.message}\n`);
    process.exit(2);
  });
}
