// Reads the deployment files without external tools, for the jest specs and validate.js.
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const root = path.resolve(__dirname, '..', '..');

function parseYamlDocuments(text, source = '<input>') {
  return YAML.parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${source}: ${doc.errors[0].message}`);
      return doc.toJS();
    })
    .filter((object) => object !== null && object !== undefined);
}

/**
 * The plain resources a kustomization lists, following nested kustomizations. Generators and
 * transformers are not applied: for what only `kustomize build` shows, validate.js runs kustomize.
 */
function loadKustomizationResources(dir) {
  const kustomization = YAML.parse(fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'));
  return (kustomization.resources || []).flatMap((entry) => {
    const target = path.resolve(dir, entry);
    if (fs.statSync(target).isDirectory()) return loadKustomizationResources(target);
    return parseYamlDocuments(fs.readFileSync(target, 'utf8'), path.relative(root, target));
  });
}

/** The literals of a kustomization's configMapGenerator entry, as an object. */
function generatedConfigMapLiterals(dir, name) {
  const kustomization = YAML.parse(fs.readFileSync(path.join(dir, 'kustomization.yaml'), 'utf8'));
  const generator = (kustomization.configMapGenerator || []).find((entry) => entry.name === name);
  if (!generator) return undefined;
  return Object.fromEntries(
    (generator.literals || []).map((literal) => {
      const at = literal.indexOf('=');
      return [literal.slice(0, at), literal.slice(at + 1)];
    }),
  );
}

/** Every deployable service: an app with a main.ts (a new app without manifests must fail the checks). */
function serviceNames() {
  const appsDir = path.join(root, 'apps');
  return fs
    .readdirSync(appsDir)
    .filter((name) => fs.existsSync(path.join(appsDir, name, 'src', 'main.ts')))
    .sort();
}

module.exports = { root, parseYamlDocuments, loadKustomizationResources, generatedConfigMapLiterals, serviceNames };
