'use strict';
const { performance } = require('node:perf_hooks');
const { recordMs } = require('./histogram');

/**
 * Runs `op(i)` for i in [0, count) with `concurrency` workers, recording each latency, and stops
 * early (reporting what was done) once `maxMs` have passed, so a slow server cannot make it hang.
 */
async function runPool({ count, concurrency, maxMs, histogram, op }) {
  let next = 0;
  const started = performance.now();
  const deadline = started + maxMs;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = next;
      next += 1;
      const t0 = performance.now();
      await op(i);
      recordMs(histogram, performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const elapsedMs = performance.now() - started;
  const done = histogram.totalCount;
  return { done, elapsedMs, perSecond: (done * 1000) / elapsedMs, truncated: done < count };
}

module.exports = { runPool };
