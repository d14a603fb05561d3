'use strict';
const hdr = require('hdr-histogram-js');

/** A latency histogram in microseconds, 1 us to 10 min at 3 significant digits. */
function createLatencyHistogram() {
  return hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });
}

/** Records a duration given in (fractional) milliseconds. */
function recordMs(histogram, ms) {
  histogram.recordValue(Math.max(1, Math.round(ms * 1000)));
}

const toMs = (us) => Math.round(us) / 1000;

/** p50/p95/p99 rows in milliseconds; `label` prefixes the metric names. */
function latencyRows(histogram, label) {
  return [50, 95, 99].map((p) => ({
    metric: `${label} p${p}`,
    value: toMs(histogram.getValueAtPercentile(p)),
    unit: 'ms',
  }));
}

module.exports = { createLatencyHistogram, recordMs, latencyRows };
