// Provisions the offline validation tools once per machine into ~/.cache/careloop, so a warm run only
// checks a stamp file. Versions are pinned because the schemas and the compose parser decide what "valid" means.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const KUSTOMIZE_VERSION = 'v5.8.2';
const KUBERNETES_VALIDATE_VERSION = '1.37.0';
const DOCKER_COMPOSE_VERSION = '1.29.2';
const DOCKERFILE_PARSER_VERSION = '3.4.0';

const cacheDir = process.env.CARELOOP_CACHE_DIR || path.join(os.homedir(), '.cache', 'careloop');
const binDir = path.join(cacheDir, 'bin');
const venvDir = path.join(cacheDir, 'venv');

function run(cmd, args, options = {}) {
  return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });
}

function log(message) {
  process.stderr.write(`[toolchain] ${message}\n`);
}

// Two validations started at once (or another helper's run) must not build into the same venv together.
function withLock(name, fn) {
  fs.mkdirSync(cacheDir, { recursive: true });
  const lockDir = path.join(cacheDir, `${name}.lock`);
  const deadline = Date.now() + 15 * 60 * 1000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      const ageMs = Date.now() - fs.statSync(lockDir).mtimeMs;
      // A lock older than any install can take was left by a killed run.
      if (ageMs > 20 * 60 * 1000) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lockDir}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function kustomizeVersionOf(bin) {
  try {
    return run(bin, ['version']).trim();
  } catch {
    return null;
  }
}

function ensureKustomize() {
  const bin = path.join(binDir, 'kustomize');
  if (kustomizeVersionOf(bin) === KUSTOMIZE_VERSION) return bin;
  return withLock('kustomize', () => {
    if (kustomizeVersionOf(bin) === KUSTOMIZE_VERSION) return bin;
    log(`installing kustomize ${KUSTOMIZE_VERSION} with go install (about a minute or two, once)`);
    fs.mkdirSync(binDir, { recursive: true });
    run('go', ['install', `sigs.k8s.io/kustomize/kustomize/v5@${KUSTOMIZE_VERSION}`], {
      env: { ...process.env, GOBIN: binDir, GOFLAGS: '-buildvcs=false' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const version = kustomizeVersionOf(bin);
    if (version !== KUSTOMIZE_VERSION) throw new Error(`kustomize reports ${version}, expected ${KUSTOMIZE_VERSION}`);
    return bin;
  });
}

// Two venvs: docker-compose 1.29 needs jsonschema < 4 and kubernetes-validate 1.37 needs >= 4.23,
// so pip refuses to put them in one environment.
const venvs = {
  kubernetesValidate: {
    dir: venvDir,
    // `dockerfile` wraps BuildKit's own Dockerfile parser (validate.js reads the Dockerfiles with it).
    steps: [[`kubernetes-validate==${KUBERNETES_VALIDATE_VERSION}`, `dockerfile==${DOCKERFILE_PARSER_VERSION}`]],
    bin: 'kubernetes-validate',
  },
  dockerCompose: {
    dir: `${venvDir}-compose`,
    steps: [
      // docker-compose 1.29 pins PyYAML < 6, whose sdist only builds with Cython 2 and no build isolation.
      ['cython<3', 'wheel', 'setuptools'],
      ['--no-build-isolation', 'pyyaml==5.4.1'],
      [`docker-compose==${DOCKER_COMPOSE_VERSION}`],
    ],
    bin: 'docker-compose',
  },
};

function ensureVenv(name) {
  const { dir, steps, bin } = venvs[name];
  const stamp = path.join(dir, '.careloop-tools');
  const wanted = JSON.stringify(steps);
  const tool = path.join(dir, 'bin', bin);
  const ready = () => {
    try {
      return fs.readFileSync(stamp, 'utf8').trim() === wanted && fs.existsSync(tool);
    } catch {
      return false;
    }
  };
  if (ready()) return tool;
  return withLock(path.basename(dir), () => {
    if (ready()) return tool;
    log(`creating ${dir} with ${steps.at(-1).join(' ')} (a minute or two, once)`);
    const pip = path.join(dir, 'bin', 'pip');
    if (!fs.existsSync(pip)) run('python3', ['-m', 'venv', dir], { stdio: ['ignore', 'inherit', 'inherit'] });
    for (const args of steps) {
      run(pip, ['install', '--disable-pip-version-check', '--quiet', ...args], {
        stdio: ['ignore', 'inherit', 'inherit'],
      });
    }
    fs.writeFileSync(stamp, `${wanted}\n`);
    return tool;
  });
}

const ensureKubernetesValidate = () => ensureVenv('kubernetesValidate');
const venvPython = () => path.join(path.dirname(ensureKubernetesValidate()), 'python');
const ensureDockerCompose = () => ensureVenv('dockerCompose');

module.exports = { ensureKustomize, ensureKubernetesValidate, ensureDockerCompose, venvPython, cacheDir };
