#!/usr/bin/env node
// CI check: the committed AsyncAPI document is what the catalog generates, and it is a valid AsyncAPI 3 document.
const fs = require('node:fs');
const { buildAsyncApi, renderYaml, documentPath } = require('./asyncapi');

async function main() {
  const expected = renderYaml(buildAsyncApi());
  const actual = fs.existsSync(documentPath) ? fs.readFileSync(documentPath, 'utf8') : '';
  if (actual !== expected) {
    process.stderr.write(
      'docs/events/asyncapi.yaml is out of date with the event catalog: run `node tools/contracts/generate-asyncapi.js` and commit it\n',
    );
    process.exit(1);
  }
  const { Parser } = require('@asyncapi/parser');
  const { document, diagnostics } = await new Parser().parse(actual);
  const errors = diagnostics.filter((d) => d.severity === 0);
  for (const d of errors) process.stderr.write(`asyncapi error: ${d.message} at ${d.path.join('.')}\n`);
  if (!document || errors.length > 0) process.exit(1);
  const channels = document.channels().length;
  const messages = document.components().messages().length;
  process.stdout.write(`asyncapi: valid AsyncAPI ${document.version()} document, ${channels} channels, ${messages} messages\n`);
}

main().catch((err) => {
  process.stderr.write(`${err.stack ?? err}\n`);
  process.exit(1);
});
