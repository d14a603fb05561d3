'use strict';
/**
 * MongoDB-protocol baseline with the bare driver (the one mongoose 8 bundles), no models: what the
 * services' repositories can at best reach on the server MONGODB_URI points to.
 *
 *   node tools/bench/mongo-raw.js [--documents=20000] [--inserts=2000] [--finds=5000] [--queries=200] [--concurrency=16]
 *
 * Phases: insertMany of --documents 1-KB documents (chunks of 1,000); insertOne x --inserts at
 * --concurrency; findOne by a uniquely indexed field x --finds at --concurrency; equality + sort
 * + limit 20 on a compound index x --queries, one at a time. Each phase also stops after
 * PHASE_MAX_MS and then reports the rate over what it did (flagged in the metric name).
 */
const { performance } = require('node:perf_hooks');
const { mongo } = require('mongoose');
const { createLatencyHistogram, latencyRows } = require('./lib/histogram');
const { log, runStandalone } = require('./lib/harness');
const { runPool } = require('./lib/pool');

const name = 'mongo-raw';
const defaults = { documents: 20000, inserts: 2000, finds: 5000, queries: 200, concurrency: 16 };
const DOCUMENT_BYTES = 1024;
const CHUNK = 1000;
const PHASE_MAX_MS = 60_000;
const TENANTS = 10;
const STATUSES = ['open', 'active', 'closed'];

function makeDocument(seq) {
  const doc = {
    ref: `case-${String(seq).padStart(8, '0')}`,
    tenantId: `tenant-${seq % TENANTS}`,
    status: STATUSES[seq % STATUSES.length],
    createdAt: new Date(Date.UTC(2025, 0, 1) + seq * 1000),
    priority: seq % 5,
    pad: '',
  };
  doc.pad = 'x'.repeat(Math.max(0, DOCUMENT_BYTES - mongo.BSON.calculateObjectSize(doc)));
  return doc;
}

const truncatedNote = (outcome) => (outcome.truncated ? ` (stopped at ${outcome.done} after ${PHASE_MAX_MS / 1000} s)` : '');

async function run({ env, options }) {
  const uri = env.MONGODB_URI;
  const host = new URL(uri.replace(/^mongodb(\+srv)?:/, 'http:')).hostname;
  if (!/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(host)) {
    throw new Error(`benchmarks run against a loopback server only, not ${host}`);
  }
  const client = new mongo.MongoClient(uri, { maxPoolSize: Math.max(options.concurrency, 10) + 4 });
  await client.connect();
  const db = client.db(`bench_mongo_raw_${process.pid}`);
  const cases = db.collection('cases');
  const rows = [];
  try {
    await db.dropDatabase();
    await cases.createIndex({ ref: 1 }, { unique: true, name: 'uniq_ref' });
    await cases.createIndex({ tenantId: 1, status: 1, createdAt: -1 }, { name: 'tenant_status_created' });

    log(`mongo-raw: insertMany of ${options.documents} documents`);
    const bulkStart = performance.now();
    let inserted = 0;
    while (inserted < options.documents && performance.now() - bulkStart < PHASE_MAX_MS) {
      const count = Math.min(CHUNK, options.documents - inserted);
      await cases.insertMany(Array.from({ length: count }, (_, i) => makeDocument(inserted + i)), { ordered: false });
      inserted += count;
    }
    const bulkMs = performance.now() - bulkStart;
    const bulkNote = inserted < options.documents ? ` (stopped at ${inserted} after ${PHASE_MAX_MS / 1000} s)` : '';
    rows.push({ metric: `insertMany, 1-KB docs, chunks of ${CHUNK}${bulkNote}`, value: Math.round((inserted * 1000) / bulkMs), unit: 'docs/s' });

    log(`mongo-raw: insertOne x ${options.inserts}, concurrency ${options.concurrency}`);
    const insertLatency = createLatencyHistogram();
    const insertOutcome = await runPool({
      count: options.inserts,
      concurrency: options.concurrency,
      maxMs: PHASE_MAX_MS,
      histogram: insertLatency,
      op: (i) => cases.insertOne(makeDocument(inserted + i)),
    });
    rows.push({ metric: `insertOne, c=${options.concurrency}${truncatedNote(insertOutcome)}`, value: Math.round(insertOutcome.perSecond), unit: 'ops/s' });
    rows.push(...latencyRows(insertLatency, 'insertOne'));

    log(`mongo-raw: findOne by unique field x ${options.finds}, concurrency ${options.concurrency}`);
    const findLatency = createLatencyHistogram();
    let misses = 0;
    const findOutcome = await runPool({
      count: options.finds,
      concurrency: options.concurrency,
      maxMs: PHASE_MAX_MS,
      histogram: findLatency,
      op: async (i) => {
        // A fixed stride over the bulk-loaded documents: every lookup hits, and the order is not sequential.
        const seq = (i * 7919) % inserted;
        const found = await cases.findOne({ ref: `case-${String(seq).padStart(8, '0')}` });
        if (!found) misses += 1;
      },
    });
    if (misses > 0) throw new Error(`findOne missed ${misses} documents that were inserted`);
    rows.push({ metric: `findOne by unique field, c=${options.concurrency}${truncatedNote(findOutcome)}`, value: Math.round(findOutcome.perSecond), unit: 'ops/s' });
    rows.push(...latencyRows(findLatency, 'findOne'));

    log(`mongo-raw: equality + sort + limit 20 x ${options.queries}`);
    const queryLatency = createLatencyHistogram();
    const queryOutcome = await runPool({
      count: options.queries,
      concurrency: 1,
      maxMs: PHASE_MAX_MS,
      histogram: queryLatency,
      op: async (i) => {
        const page = await cases
          .find({ tenantId: `tenant-${i % TENANTS}`, status: STATUSES[i % STATUSES.length] })
          .sort({ createdAt: -1 })
          .limit(20)
          .toArray();
        if (page.length === 0) throw new Error('the list query returned nothing');
      },
    });
    const total = await cases.estimatedDocumentCount();
    rows.push({
      metric: `find eq+sort+limit 20 over ${total} docs, c=1${truncatedNote(queryOutcome)}`,
      value: Math.round(queryOutcome.perSecond * 10) / 10,
      unit: 'ops/s',
    });
    rows.push(...latencyRows(queryLatency, 'find eq+sort+limit 20'));
    return { name, rows };
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

/** Upper bound on a run for the watchdog: four phases capped at PHASE_MAX_MS each, plus set-up. */
const hardLimitMs = () => 4 * PHASE_MAX_MS + 60_000;

module.exports = { name, needs: ['mongo'], defaults, hardLimitMs, run };

if (require.main === module) runStandalone(module.exports);
