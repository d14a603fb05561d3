'use strict';

function formatValue(value) {
  if (typeof value !== 'number') return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 2 : 1 });
}

/** A plain-text table; numbers right-aligned. */
function formatTable(headers, rows) {
  const cells = rows.map((row) => row.map(formatValue));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((row) => typeof row[i] === 'number'));
  const line = (row) =>
    row.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

function formatResult(result) {
  return formatTable(
    ['metric', 'value', 'unit'],
    result.rows.map((r) => [r.metric, r.value, r.unit]),
  );
}

function formatCombined(results) {
  return formatTable(
    ['bench', 'metric', 'value', 'unit'],
    results.flatMap((result) => result.rows.map((r) => [result.name, r.metric, r.value, r.unit])),
  );
}

module.exports = { formatTable, formatResult, formatCombined };
