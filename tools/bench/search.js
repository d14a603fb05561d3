'use strict';
/**
 * Directory search at scale: the resource-directory's own search code (ServiceSearchService over DirectoryRepository,
 * the strategy GeoSearchCapability detects) against a --services directory in a throw-away database.
 *
 *   node tools/bench/search.js [--services=100000] [--queries=200] [--concurrency=1] [--geo=auto] [--hsds=trimmed]
 *
 * Load: a base of --base generated HSDS services (generateSeedDirectory, then validateHsdsRecords, as an import
 * stores them) is varied into --services documents: new ids and the locations moved to one of --regions centres
 * spread over about 300 x 170 km (a state, not one city), inserted with insertMany in chunks of 1,000 after the
 * service's indexes are created. `--hsds=trimmed` keeps of the HSDS source only what a result shows (name,
 * description, url, phones): mongo-java-server holds everything on a 1 GB heap and the full source (about 4.5 KB a
 * service) does not fit 100,000 times; search never reads the rest. `--hsds=full` stores it all (real MongoDB).
 * Queries: a deterministic mix of category + radius (2, 5 or 10 km around a point near a centre) + language, page 1
 * of 20; then the same mix with openNow (schedules evaluated in code). p50/p95/p99 and rates per phase.
 * `--geo=bounding-box` forces the bounding box where `$geoNear` would be used (compare both on MongoDB).
 */
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { createLatencyHistogram, latencyRows } = require('./lib/histogram');
const { log, runStandalone } = require('./lib/harness');
const { runPool } = require('./lib/pool');

const name = 'search';
const needs = ['mongo'];
const defaults = { services: 100000, base: 5000, regions: 20, queries: 200, concurrency: 1, geo: 'auto', hsds: 'trimmed' };

const TENANT = 'bench-tenant';
const CHUNK = 1000;
const LOAD_MAX_MS = 15 * 60_000;
const PHASE_MAX_MS = 180_000;
const KM_PER_DEGREE = 111.32;
/** A region of about 300 x 170 km around this point; the seed's own centre, so its language mix applies. */
const REGION_CENTER = { lat: 42.3601, lng: -71.0589 };
const QUERY_CATEGORIES = ['food-insecurity', 'housing-instability', 'mental-health', 'legal', 'transportation', 'utilities'];
const QUERY_LANGUAGES = ['en', 'es', 'pt', 'zh', 'ht', 'vi'];
const QUERY_RADII_KM = [2, 5, 10];
/** A Wednesday, 11:00 in New York, so openNow figures do not depend on when the bench runs. */
const OPEN_AT = '2025-06-04T15:00:00.000Z';

const root = path.resolve(__dirname, '..', '..');
const appSource = (relative) => path.join(root, 'apps/resource-directory/src', relative);

/** The service's TypeScript through swc (decorator metadata kept), as tools/contracts/asyncapi.js loads the catalog. */
function loadApp() {
  process.env.SWC_NODE_PROJECT ??= path.join(root, 'tsconfig.base.json');
  require('@swc-node/register');
  return {
    ...require(appSource('directory/seed/generate-seed-directory.ts')),
    ...require(appSource('directory/seed/seeded-random.ts')),
    ...require(appSource('directory/domain/hsds-import.ts')),
    ...require(appSource('directory/schemas/directory-service.schema.ts')),
    ...require(appSource('directory/directory.repository.ts')),
    ...require(appSource('directory/geo-search-capability.service.ts')),
    ...require(appSource('search/service-search.service.ts')),
    ...require(appSource('config/resource-directory.env.ts')),
    persistence: require(path.join(root, 'libs/persistence/src/index.ts')),
  };
}

/** Centres on a jittered grid over the region, deterministic for the run. */
function regionCentres(app, count) {
  const random = app.createSeededRandom(20250604);
  const columns = Math.ceil(Math.sqrt(count * 1.8));
  return Array.from({ length: count }, (_, i) => {
    const column = i % columns;
    const row = Math.floor(i / columns);
    const rows = Math.ceil(count / columns);
    return {
      lat: REGION_CENTER.lat + ((row + 0.5) / rows - 0.5) * (170 / KM_PER_DEGREE) + (random.next() - 0.5) * 0.05,
      lng: REGION_CENTER.lng + ((column + 0.5) / columns - 0.5) * (300 / (KM_PER_DEGREE * Math.cos((REGION_CENTER.lat * Math.PI) / 180))),
    };
  });
}

function trimHsds(document) {
  const { id, name: serviceName, description, url, phones, status } = document.hsds;
  const organization = document.hsdsOrganization;
  return {
    ...document,
    hsds: { id, name: serviceName, status, ...(description ? { description } : {}), ...(url ? { url } : {}), ...(phones ? { phones } : {}) },
    hsdsOrganization: { id: organization.id, name: organization.name, description: organization.description },
  };
}

/** The base service moved from the seed's centre to `centre`, under a new id. */
function vary(document, copy, centre, options) {
  const dLat = centre.lat - REGION_CENTER.lat;
  const dLng = centre.lng - REGION_CENTER.lng;
  const id = `${document.id}-v${copy}`;
  const source = options.hsds === 'full' ? document : trimHsds(document);
  return {
    ...source,
    id,
    hsds: { ...source.hsds, id },
    locations: document.locations.map((location) => ({
      ...location,
      id: `${location.id}-v${copy}`,
      latitude: Math.round((location.latitude + dLat) * 1e5) / 1e5,
      longitude: Math.round((location.longitude + dLng) * 1e5) / 1e5,
    })),
  };
}

function queryMix(app, centres, count, openNow) {
  const random = app.createSeededRandom(openNow ? 2 : 1);
  return Array.from({ length: count }, () => {
    const centre = random.pick(centres);
    const query = {
      category: random.pick(QUERY_CATEGORIES),
      language: random.weighted(QUERY_LANGUAGES, [40, 25, 12, 8, 8, 7]),
      lat: Math.round((centre.lat + (random.next() - 0.5) * 0.2) * 1e4) / 1e4,
      lng: Math.round((centre.lng + (random.next() - 0.5) * 0.3) * 1e4) / 1e4,
      radiusKm: random.pick(QUERY_RADII_KM),
      page: 1,
      perPage: 20,
    };
    return openNow ? { ...query, openNow: true, at: OPEN_AT } : query;
  });
}

async function measure(search, queries, options, label, rows) {
  log(`search: ${label} x ${queries.length}, concurrency ${options.concurrency}`);
  const histogram = createLatencyHistogram();
  let totals = 0;
  let returned = 0;
  const outcome = await runPool({
    count: queries.length,
    concurrency: options.concurrency,
    maxMs: PHASE_MAX_MS,
    histogram,
    op: async (i) => {
      const page = await search.search(TENANT, queries[i]);
      totals += page.total;
      returned += page.items.length;
      for (let k = 1; k < page.items.length; k += 1) {
        if (page.items[k].distanceKm < page.items[k - 1].distanceKm) throw new Error('results are not sorted by distance');
      }
    },
  });
  const note = outcome.truncated ? ` (stopped at ${outcome.done} after ${PHASE_MAX_MS / 1000} s)` : '';
  rows.push({ metric: `${label}, c=${options.concurrency}${note}`, value: Math.round(outcome.perSecond * 10) / 10, unit: 'queries/s' });
  rows.push(...latencyRows(histogram, label));
  rows.push({ metric: `${label}: mean matches per query`, value: Math.round((totals / Math.max(1, outcome.done)) * 10) / 10, unit: 'services' });
  rows.push({ metric: `${label}: mean results on page 1`, value: Math.round((returned / Math.max(1, outcome.done)) * 10) / 10, unit: 'services' });
}

async function run({ env, options }) {
  if (!['trimmed', 'full'].includes(options.hsds)) throw new Error('--hsds must be trimmed or full');
  if (!['auto', 'bounding-box'].includes(options.geo)) throw new Error('--geo must be auto or bounding-box');
  const uri = env.MONGODB_URI;
  const host = new URL(uri.replace(/^mongodb(\+srv)?:/, 'http:')).hostname;
  if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(host)) {
    throw new Error(`benchmarks run against a loopback server only, not ${host}`);
  }
  const app = loadApp();
  const mongoose = require('mongoose');
  app.persistence.installTenantScope(mongoose);
  const connection = mongoose.createConnection(uri, {
    dbName: `bench_search_${process.pid}`,
    autoIndex: false,
    autoCreate: false,
    retryWrites: false,
    serverSelectionTimeoutMS: 10_000,
  });
  await connection.asPromise();
  const rows = [];
  try {
    await connection.db.dropDatabase();
    const model = connection.model(app.DIRECTORY_SERVICE_MODEL, app.DirectoryServiceSchema);
    await model.createCollection();
    await model.createIndexes();

    log(`search: normalizing a base of ${options.base} generated services`);
    const base = app
      .validateHsdsRecords(app.generateSeedDirectory({ count: options.base, seed: 7, center: REGION_CENTER }))
      .accepted.flatMap((organization) => organization.services);
    const centres = regionCentres(app, options.regions);

    log(`search: inserting ${options.services} services in chunks of ${CHUNK}`);
    const importedAt = new Date();
    const loadStart = performance.now();
    let inserted = 0;
    let bytes = 0;
    const { BSON } = mongoose.mongo;
    while (inserted < options.services && performance.now() - loadStart < LOAD_MAX_MS) {
      const count = Math.min(CHUNK, options.services - inserted);
      const documents = Array.from({ length: count }, (_, i) => {
        const seq = inserted + i;
        const copy = Math.floor(seq / base.length);
        const centre = centres[(seq * 7 + copy) % centres.length];
        return app.toRecord(TENANT, vary(base[seq % base.length], copy, centre, options), importedAt);
      });
      if (inserted === 0) bytes = documents.reduce((sum, document) => sum + BSON.calculateObjectSize(document), 0) / count;
      await model.collection.insertMany(documents, { ordered: false });
      inserted += count;
    }
    const loadMs = performance.now() - loadStart;
    if (inserted < options.services) throw new Error(`loaded only ${inserted} services in ${LOAD_MAX_MS / 1000} s`);
    rows.push({ metric: `insertMany, ${options.hsds} HSDS, ~${Math.round(bytes)} B/doc`, value: Math.round((inserted * 1000) / loadMs), unit: 'docs/s' });

    const serviceEnv = Object.assign(new app.ResourceDirectoryEnv(), {
      DIRECTORY_GEO_SEARCH: options.geo,
      DIRECTORY_TIME_ZONE: 'America/New_York',
    });
    const capability = new app.GeoSearchCapability(connection, serviceEnv);
    const strategyStart = performance.now();
    const strategy = await capability.strategy();
    rows.push({ metric: `strategy ${strategy}: detection (and 2dsphere index, if any)`, value: Math.round(performance.now() - strategyStart), unit: 'ms' });
    const search = new app.ServiceSearchService(new app.DirectoryRepository(model), capability, serviceEnv);

    // A few queries first: the JIT and the server's caches should not count against the first measured ones.
    for (const query of queryMix(app, centres, 5, false)) await search.search(TENANT, query);
    await measure(search, queryMix(app, centres, options.queries, false), options, 'category+radius+language', rows);
    await measure(search, queryMix(app, centres, options.queries, true), options, 'category+radius+language+openNow', rows);
    return { name, rows };
  } finally {
    await connection.db?.dropDatabase().catch(() => undefined);
    await connection.close();
  }
}

/** Upper bound on a run for the watchdog: the load, two query phases, set-up. */
const hardLimitMs = () => LOAD_MAX_MS + 2 * PHASE_MAX_MS + 120_000;

module.exports = { name, needs, defaults, hardLimitMs, run };

if (require.main === module) runStandalone(module.exports);
