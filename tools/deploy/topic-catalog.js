// The one way deployment tools read the topic catalog, so the KafkaTopic manifests, the compose topic-init
// and the tests can never disagree about which topics exist.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const sourceCatalog = path.join(root, 'libs', 'contracts', 'src', 'catalog', 'topics.ts');
// Inside a service image only the compiled libraries exist (see build-service.sh).
const compiledCatalog = path.join(root, 'dist', 'libs', 'contracts', 'src', 'catalog', 'topics.js');

function registerTypeScript() {
  // Under jest the preset already transforms .ts; a second hook would compile twice.
  if (process.env.JEST_WORKER_ID || require.extensions['.ts']) return;
  process.env.SWC_NODE_PROJECT ??= path.join(root, 'tsconfig.base.json');
  require('@swc-node/register');
}

/** @returns {{ name: string, partitions: number, retentionMs: number }[]} */
function loadTopicSpecs() {
  let catalog;
  if (fs.existsSync(sourceCatalog)) {
    registerTypeScript();
    catalog = require(sourceCatalog);
  } else {
    catalog = require(compiledCatalog);
  }
  const specs = catalog.topicSpecs();
  for (const spec of specs) {
    if (!spec.name || !Number.isInteger(spec.partitions) || spec.partitions < 1 || !Number.isInteger(spec.retentionMs)) {
      throw new Error(`malformed topic spec in the catalog: ${JSON.stringify(spec)}`);
    }
  }
  return specs;
}

/** The service that publishes a topic: topics are named `<owner>.<event-kebab>.v<N>`. */
function ownerOf(topicName) {
  return topicName.split('.')[0];
}

module.exports = { loadTopicSpecs, ownerOf, sourceCatalog };
