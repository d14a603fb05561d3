#!/usr/bin/env node
// Writes docs/events/asyncapi.yaml from the event catalog.
const fs = require('node:fs');
const { buildAsyncApi, renderYaml, documentPath } = require('./asyncapi');

fs.mkdirSync(require('node:path').dirname(documentPath), { recursive: true });
fs.writeFileSync(documentPath, renderYaml(buildAsyncApi()));
process.stdout.write(`wrote ${documentPath}\n`);
