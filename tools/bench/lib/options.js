'use strict';
/** `--name=value` flags over a bench's defaults; a value takes the type of its default. */
function parseOptions(argv, defaults) {
  const options = { ...defaults };
  for (const arg of argv) {
    const match = /^--([a-z][a-z0-9-]*)=(.*)$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg}: expected --name=value`);
    const [, key, raw] = match;
    if (!(key in defaults)) {
      throw new Error(`unknown option --${key}; known: ${Object.keys(defaults).map((k) => `--${k}`).join(' ')}`);
    }
    const fallback = defaults[key];
    if (typeof fallback === 'number') {
      const value = Number(raw);
      if (!Number.isFinite(value) || value <= 0) throw new Error(`--${key} must be a positive number, not ${raw}`);
      options[key] = value;
    } else {
      options[key] = raw;
    }
  }
  return options;
}

/** The flags that reproduce a run: every option, so a later change of defaults cannot change the figures. */
function formatFlags(options) {
  return Object.entries(options)
    .map(([key, value]) => `--${key}=${value}`)
    .join(' ');
}

module.exports = { parseOptions, formatFlags };
