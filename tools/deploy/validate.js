#!/usr/bin/env node
// Offline validation of the deployment files: no cluster, no Docker engine, no network after the
// one-time tool install (tools/deploy/toolchain.js). Exits non-zero when any check fails.
//   node tools/deploy/validate.js
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const toolchain = require('./toolchain');
const { renderKafkaTopics, outputFile: kafkaTopicsFile } = require('./generate-kafka-topics');
const { root, parseYamlDocuments, serviceNames } = require('./manifests');
const { checkRequires } = require('./check-requires');

const KUBERNETES_VERSION = '1.33.0';
const OVERLAYS = ['dev', 'prod'];
// The one custom resource we ship; no package carries Strimzi's schemas, so checkKafkaTopic stands in.
const KINDS_WITHOUT_SCHEMA = new Set(['KafkaTopic']);

class CheckFailed extends Error {}

function fail(lines) {
  throw new CheckFailed([].concat(lines).join('\n'));
}

function exec(cmd, args, options = {}) {
  try {
    return execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  } catch (error) {
    const output = `${error.stdout || ''}${error.stderr || ''}`.trim();
    fail(`${path.basename(cmd)} ${args.join(' ')} failed (exit ${error.status}):\n${output || error.message}`);
  }
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'careloop-deploy-validate-'));

// --- policy checks on rendered manifests -----------------------------------------------------------

function checkDeployment(deployment, problems) {
  const where = `Deployment ${deployment.metadata.name}`;
  const pod = deployment.spec.template.spec;
  const podSecurity = pod.securityContext || {};
  if (podSecurity.runAsNonRoot !== true) problems.push(`${where}: pod securityContext.runAsNonRoot is not true`);
  if (podSecurity.seccompProfile?.type !== 'RuntimeDefault') problems.push(`${where}: pod seccompProfile is not RuntimeDefault`);
  for (const container of pod.containers) {
    const at = `${where} container ${container.name}`;
    const sc = container.securityContext || {};
    if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}: allowPrivilegeEscalation is not false`);
    if (sc.readOnlyRootFilesystem !== true) problems.push(`${at}: readOnlyRootFilesystem is not true`);
    if (!(sc.capabilities?.drop || []).includes('ALL')) problems.push(`${at}: capabilities do not drop ALL`);
    for (const [probe, pathWanted] of [
      ['startupProbe', '/health/live'],
      ['livenessProbe', '/health/live'],
      ['readinessProbe', '/health/ready'],
    ]) {
      if (container[probe]?.httpGet?.path !== pathWanted) problems.push(`${at}: ${probe} does not GET ${pathWanted}`);
    }
    for (const kind of ['requests', 'limits']) {
      const resources = container.resources?.[kind] || {};
      if (!resources.cpu || !resources.memory) problems.push(`${at}: resources.${kind} needs cpu and memory`);
    }
    const tag = container.image.includes('@') ? 'digest' : container.image.split('/').pop().split(':')[1];
    if (!tag || tag === 'latest') problems.push(`${at}: image ${container.image} has no pinned tag`);
  }
}

function checkKafkaTopic(topic, problems) {
  const where = `KafkaTopic ${topic.metadata?.name}`;
  if (topic.apiVersion !== 'kafka.strimzi.io/v1beta2') problems.push(`${where}: apiVersion ${topic.apiVersion}`);
  if (!topic.metadata?.labels?.['strimzi.io/cluster']) problems.push(`${where}: no strimzi.io/cluster label`);
  if (!/^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(topic.metadata?.name || '')) {
    problems.push(`${where}: name is not a valid Kubernetes resource name`);
  }
  const spec = topic.spec || {};
  const allowed = new Set(['topicName', 'partitions', 'replicas', 'config']);
  for (const key of Object.keys(spec)) if (!allowed.has(key)) problems.push(`${where}: unexpected spec.${key}`);
  for (const key of ['partitions', 'replicas']) {
    if (!Number.isInteger(spec[key]) || spec[key] < 1) problems.push(`${where}: spec.${key} must be a positive integer`);
  }
  const minIsr = spec.config?.['min.insync.replicas'];
  if (Number.isInteger(minIsr) && Number.isInteger(spec.replicas) && minIsr > spec.replicas) {
    problems.push(`${where}: min.insync.replicas ${minIsr} exceeds replicas ${spec.replicas}`);
  }
  if (!Number.isInteger(spec.config?.['retention.ms'])) problems.push(`${where}: config retention.ms missing`);
}

function checkRenderedOverlay(objects) {
  const problems = [];
  const byKind = (kind) => objects.filter((object) => object.kind === kind);
  const configMaps = new Set(byKind('ConfigMap').map((cm) => cm.metadata.name));
  const secretsNeeded = new Set();
  if (byKind('Secret').length > 0) problems.push('a Secret is rendered: secrets are created out of band, never committed');
  for (const deployment of byKind('Deployment')) {
    checkDeployment(deployment, problems);
    for (const container of deployment.spec.template.spec.containers) {
      for (const source of container.envFrom || []) {
        if (source.configMapRef && !configMaps.has(source.configMapRef.name)) {
          problems.push(`Deployment ${deployment.metadata.name}: ConfigMap ${source.configMapRef.name} is not rendered`);
        }
        if (source.secretRef) secretsNeeded.add(`${source.secretRef.name} (all keys)`);
      }
      for (const variable of container.env || []) {
        const ref = variable.valueFrom?.secretKeyRef;
        if (ref) secretsNeeded.add(`${ref.name}/${ref.key}`);
      }
    }
  }
  const deployments = new Set(byKind('Deployment').map((d) => d.metadata.name));
  for (const service of serviceNames()) {
    if (!deployments.has(service)) problems.push(`no Deployment for service ${service}`);
  }
  for (const topic of byKind('KafkaTopic')) checkKafkaTopic(topic, problems);
  if (problems.length > 0) fail(problems);
  return `${objects.length} objects; Secrets to provide: ${[...secretsNeeded].sort().join(', ')}`;
}

function validateOverlay(overlay) {
  const kustomize = toolchain.ensureKustomize();
  const kubernetesValidate = toolchain.ensureKubernetesValidate();
  const rendered = exec(kustomize, ['build', path.join('k8s', 'overlays', overlay)]);
  const file = path.join(scratch, `${overlay}.yaml`);
  fs.writeFileSync(file, rendered);

  let output;
  let schemaErrors = [];
  try {
    output = execFileSync(kubernetesValidate, ['--strict', '-k', KUBERNETES_VERSION, '--quiet', file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    output = `${error.stdout || ''}${error.stderr || ''}`;
    schemaErrors = output.split('\n').filter((line) => line.trim() && !line.startsWith('WARN') && !line.startsWith('INFO'));
    if (schemaErrors.length === 0) schemaErrors = [`kubernetes-validate exited ${error.status}`];
  }
  // A schema-less kind is only a warning to kubernetes-validate; for anything but our custom resource
  // it means a wrong apiVersion or kind, which the API server would refuse.
  const unexpectedWarnings = output
    .split('\n')
    .filter((line) => line.startsWith('WARN'))
    .filter((line) => ![...KINDS_WITHOUT_SCHEMA].some((kind) => line.includes(`kind ${kind} `)));
  const schemaProblems = [...schemaErrors, ...unexpectedWarnings].map((line) => line.replace(`${file} `, ''));

  // Policy findings are reported along with schema errors, so one run shows everything to fix.
  let summary;
  let policyProblems = [];
  try {
    summary = checkRenderedOverlay(parseYamlDocuments(rendered, `kustomize build ${overlay}`));
  } catch (error) {
    if (!(error instanceof CheckFailed)) throw error;
    policyProblems = [error.message];
  }
  if (schemaProblems.length + policyProblems.length > 0) fail([...schemaProblems, ...policyProblems]);
  return summary;
}

// --- the other checks ------------------------------------------------------------------------------

function checkKafkaTopicsCurrent() {
  const current = fs.existsSync(kafkaTopicsFile) ? fs.readFileSync(kafkaTopicsFile, 'utf8') : '';
  const expected = renderKafkaTopics();
  if (current !== expected) {
    const names = (text) => new Set([...text.matchAll(/^ {2}topicName: (.+)$/gm)].map((match) => match[1]));
    const have = names(current);
    const want = names(expected);
    const missing = [...want].filter((name) => !have.has(name));
    const extra = [...have].filter((name) => !want.has(name));
    fail([
      `${path.relative(root, kafkaTopicsFile)} is out of date with the topic catalog: run node tools/deploy/generate-kafka-topics.js`,
      ...(missing.length ? [`  missing: ${missing.join(', ')}`] : []),
      ...(extra.length ? [`  not in the catalog: ${extra.join(', ')}`] : []),
      ...(!missing.length && !extra.length ? ['  (same topics, different partitions, retention or layout)'] : []),
    ]);
  }
  return `${(expected.match(/^kind: KafkaTopic$/gm) || []).length} KafkaTopics match the catalog`;
}

function checkCompose() {
  const dockerCompose = toolchain.ensureDockerCompose();
  exec(dockerCompose, ['-f', 'docker-compose.yml', 'config', '-q'], {
    // The compose file may interpolate these; validation must not depend on the caller's shell.
    env: { PATH: process.env.PATH, HOME: os.homedir() },
  });
  const config = parseYamlDocuments(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'))[0];
  const problems = [];
  for (const service of serviceNames()) {
    const entry = config.services?.[service];
    if (!entry) {
      problems.push(`docker-compose.yml has no service ${service}`);
      continue;
    }
    if (entry.build?.dockerfile !== `apps/${service}/Dockerfile`) problems.push(`${service}: not built from apps/${service}/Dockerfile`);
    if (!entry.healthcheck) problems.push(`${service}: no healthcheck`);
  }
  if (problems.length > 0) fail(problems);
  return `docker-compose 1.29 accepts docker-compose.yml (${Object.keys(config.services).length} services)`;
}

const PARSE_DOCKERFILES = `
import json, sys, dockerfile
print(json.dumps({p: [[c.cmd, list(c.flags), list(c.value)] for c in dockerfile.parse_file(p)] for p in sys.argv[1:]}))
`;

function checkDockerfiles() {
  const services = serviceNames();
  const files = services.map((service) => path.join('apps', service, 'Dockerfile'));
  const missing = files.filter((file) => !fs.existsSync(path.join(root, file)));
  if (missing.length > 0) fail(missing.map((file) => `${file} is missing`));
  const parsed = JSON.parse(exec(toolchain.venvPython(), ['-c', PARSE_DOCKERFILES, ...files]));
  const buildScript = fs.readFileSync(path.join(__dirname, 'build-service.sh'), 'utf8');
  const buildScriptInputs = [
    'tools/deploy/build-service.sh',
    'package.json',
    ...new Set(buildScript.match(/tools\/deploy\/[\w-]+\.(?:json|js)\b/g)),
  ];
  const problems = [];
  services.forEach((service, index) => {
    const file = files[index];
    const instructions = parsed[file];
    const stages = instructions.filter(([cmd]) => cmd === 'FROM');
    const finalStage = instructions.slice(instructions.lastIndexOf(stages.at(-1)));
    const has = (list, cmd, predicate) => list.some(([c, , value]) => c === cmd && predicate(value.join(' ')));
    if (stages.length < 2) problems.push(`${file}: not multi-stage`);
    if (!has(instructions, 'RUN', (v) => v.includes(`tools/deploy/build-service.sh ${service} `))) {
      problems.push(`${file}: does not build with tools/deploy/build-service.sh ${service}`);
    }
    if (!has(instructions, 'RUN', (v) => /npm ci\b.*--omit=dev/.test(v))) problems.push(`${file}: no npm ci --omit=dev stage`);
    // No Docker engine here to run the build: at least the files build-service.sh uses must be copied in.
    const copied = instructions.filter(([cmd]) => cmd === 'COPY').flatMap(([, , value]) => value.slice(0, -1));
    for (const needed of buildScriptInputs) {
      if (!copied.some((source) => needed === source || needed.startsWith(source.replace(/\/?$/, '/')))) {
        problems.push(`${file}: build-service.sh needs ${needed}, which no COPY brings in`);
      }
    }
    const user = finalStage.filter(([cmd]) => cmd === 'USER').at(-1)?.[2][0];
    if (!user || !/^[1-9]\d*(:\d+)?$/.test(user)) problems.push(`${file}: final stage must end as a numeric non-root USER (got ${user})`);
    if (instructions.some(([cmd]) => cmd === 'HEALTHCHECK')) problems.push(`${file}: has a HEALTHCHECK (probes do that)`);
    if (!has(finalStage, 'ENV', (v) => /NODE_ENV production/.test(v))) problems.push(`${file}: final stage lacks NODE_ENV=production`);
    if (!has(finalStage, 'CMD', (v) => v === `node dist/apps/${service}/src/main.js`)) {
      problems.push(`${file}: CMD is not node dist/apps/${service}/src/main.js`);
    }
  });
  if (problems.length > 0) fail(problems);
  return `${files.length} Dockerfiles parsed with BuildKit's parser`;
}

function checkSwcAliases() {
  const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, 'swcrc.json'), 'utf8'));
  const { paths } = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
  const [pattern, [target]] = Object.entries(swcrc.jsc.paths)[0];
  const problems = [];
  for (const [alias, [file]] of Object.entries(paths)) {
    const star = alias.slice(pattern.length - 1);
    const mapped = pattern.endsWith('*') && alias.startsWith(pattern.slice(0, -1)) ? target.replace('*', star) : undefined;
    if (path.normalize(mapped || '') !== path.normalize(file)) {
      problems.push(`tsconfig alias ${alias} -> ${file}, but tools/deploy/swcrc.json maps it to ${mapped}`);
    }
  }
  if (problems.length > 0) fail(problems);
  return `${Object.keys(paths).length} tsconfig aliases resolve the same under swc`;
}

function buildServices() {
  const packages = new Set();
  const warnings = [];
  for (const service of serviceNames()) {
    const out = path.join(scratch, 'build', service);
    exec(path.join(__dirname, 'build-service.sh'), [service, '--out', out]);
    const result = checkRequires(path.join(out, 'apps', service, 'src', 'main.js'), path.join(root, 'package.json'));
    result.packages.forEach((name) => packages.add(name));
    warnings.push(...result.warnings.filter((warning) => !warnings.includes(warning)));
  }
  return [
    `${serviceNames().length} services compile; runtime packages: ${[...packages].sort().join(', ') || '(none)'}`,
    ...warnings.map((warning) => `warning: ${warning}`),
  ].join('\n');
}

// --- runner ------------------------------------------------------------------------------------------

const checks = [
  ['KafkaTopics generated from the catalog are current', checkKafkaTopicsCurrent],
  ['swc path aliases match tsconfig.base.json', checkSwcAliases],
  ['services compile with build-service.sh, no devDependency at run time', buildServices],
  ...OVERLAYS.map((overlay) => [
    `k8s/overlays/${overlay}: kustomize build + kubernetes-validate --strict -k ${KUBERNETES_VERSION} + policy`,
    () => validateOverlay(overlay),
  ]),
  ['docker-compose.yml: docker-compose config -q', checkCompose],
  ['Dockerfiles', checkDockerfiles],
];

let passed = 0;
let failed = 0;
const started = Date.now();
for (const [name, check] of checks) {
  const t0 = Date.now();
  try {
    const detail = check();
    passed += 1;
    process.stdout.write(`PASS ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)\n${detail.replace(/^/gm, '     ')}\n`);
  } catch (error) {
    failed += 1;
    const message = error instanceof CheckFailed ? error.message : error.stack;
    process.stdout.write(`FAIL ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)\n${message.replace(/^/gm, '     ')}\n`);
  }
}
fs.rmSync(scratch, { recursive: true, force: true });
process.stdout.write(`\ntook ${((Date.now() - started) / 1000).toFixed(1)}s\ndeploy-validate: ${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 ? 1 : 0;
