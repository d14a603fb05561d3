'use strict';
// Fetches and builds binaries into the shared cache. Safe when several processes race on an empty cache:
// one holds a lock file while it builds into a private temp dir, then renames it into place atomically;
// the others wait for the lock and find the finished directory.
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFile } = require('node:child_process');
const { cacheDir } = require('./paths');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

async function withLock(lockPath, what, log, fn) {
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(lockPath, `${process.pid}\n${os.hostname()}\n`, { flag: 'wx' });
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      const owner = Number.parseInt(fs.readFileSync(lockPath, 'utf8').split('\n')[0], 10);
      if (!owner || !pidAlive(owner)) {
        // The previous holder died mid-build (its temp dir is cleaned below); take over.
        fs.rmSync(lockPath, { force: true });
        continue;
      }
      if (!announced) log(`waiting for process ${owner} to finish provisioning ${what}`);
      announced = true;
      await sleep(500);
    }
  }
  const release = () => fs.rmSync(lockPath, { force: true });
  process.once('exit', release);
  try {
    return await fn();
  } finally {
    process.removeListener('exit', release);
    release();
  }
}

/**
 * Returns `target` once `isComplete(target)` holds, building it with `build(tmpDir)` if needed.
 */
async function ensureInstalled({ what, target, isComplete, build, log }) {
  if (isComplete(target)) return target;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  return withLock(`${target}.lock`, what, log, async () => {
    if (isComplete(target)) return target;
    const base = path.basename(target);
    // Leftovers of a provisioner that was killed: nobody else can be using them while we hold the lock.
    for (const entry of fs.readdirSync(path.dirname(target))) {
      if (entry.startsWith(`${base}.tmp-`)) fs.rmSync(path.join(path.dirname(target), entry), { recursive: true, force: true });
    }
    const tmp = `${target}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
    fs.mkdirSync(tmp, { recursive: true });
    const t0 = Date.now();
    log(`provisioning ${what} into ${target} (first run only)`);
    try {
      await build(tmp);
      if (!isComplete(tmp)) throw new Error(`provisioning ${what} finished but left no usable result in ${tmp}`);
      fs.rmSync(target, { recursive: true, force: true });
      fs.renameSync(tmp, target);
    } catch (err) {
      fs.rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
    log(`provisioned ${what} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return target;
  });
}

function run(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { maxBuffer: 64 * 1024 * 1024, ...options }, (err, stdout, stderr) => {
      if (err) {
        const out = `${stdout}\n${stderr}`.trim().split('\n').slice(-40).join('\n');
        const reason = err.code === 'ENOENT' ? `${cmd} not found on PATH` : `exit ${err.code ?? err.signal}`;
        reject(new Error(`${cmd} ${args.join(' ')} failed (${reason})\n${out}`));
      } else resolve(stdout);
    });
  });
}

function findExecutable(name, fallbacks = []) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return fallbacks.find((candidate) => fs.existsSync(candidate)) || name;
}

const MAVEN_DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

// One Maven run at a time from this process: two writing the same local repository at once gain little.
let mavenQueue = Promise.resolve();

/** Runtime jars of `deps` (and their transitive runtime deps) in `<cache>/<id>/libs`, via a throw-away pom. */
function mavenJars({ id, deps, log }) {
  const target = path.join(cacheDir(), id);
  const result = mavenQueue.then(() => mavenJarsNow({ id, deps, log, target }));
  mavenQueue = result.catch(() => {});
  return result;
}

function mavenJarsNow({ id, deps, log, target }) {
  return ensureInstalled({
    what: id,
    target,
    log,
    isComplete: (dir) => fs.existsSync(path.join(dir, 'libs')) && fs.readdirSync(path.join(dir, 'libs')).length > 0,
    build: async (tmp) => {
      const dependencies = deps
        .map(
          ([groupId, artifactId, version]) =>
            `    <dependency><groupId>${groupId}</groupId><artifactId>${artifactId}</artifactId>` +
            `<version>${version}</version><scope>runtime</scope></dependency>`,
        )
        .join('\n');
      fs.writeFileSync(
        path.join(tmp, 'pom.xml'),
        `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>careloop.local</groupId>
  <artifactId>${id}</artifactId>
  <version>0</version>
  <packaging>pom</packaging>
  <dependencies>
${dependencies}
  </dependencies>
</project>
`,
      );
      await run(findExecutable('mvn'), [
        '-B',
        '-q',
        '-f',
        path.join(tmp, 'pom.xml'),
        `${MAVEN_DEPENDENCY_PLUGIN}:copy-dependencies`,
        `-DoutputDirectory=${path.join(tmp, 'libs')}`,
        '-DincludeScope=runtime',
      ]);
    },
  });
}

/** `go install <module>@<version>` into `<cache>/<id>/bin`. */
function goInstall({ id, module: mod, version, binary, log }) {
  const target = path.join(cacheDir(), id);
  return ensureInstalled({
    what: `${mod}@${version}`,
    target,
    log,
    isComplete: (dir) => fs.existsSync(path.join(dir, 'bin', binary)),
    build: (tmp) =>
      run(findExecutable('go', ['/usr/local/go/bin/go']), ['install', `${mod}@${version}`], {
        env: { ...process.env, GOBIN: path.join(tmp, 'bin') },
      }),
  }).then((dir) => path.join(dir, 'bin', binary));
}

/** Compiles a single Java source once into the cache, keyed by its content and the classpath's jar set. */
function javaClasses({ source, classpath, log }) {
  const text = fs.readFileSync(source);
  const hash = crypto.createHash('sha256').update(text).update(classpath).digest('hex').slice(0, 12);
  const name = path.basename(source, '.java');
  const target = path.join(cacheDir(), `${name.toLowerCase()}-${hash}`);
  return ensureInstalled({
    what: `${name}.java`,
    target,
    log,
    isComplete: (dir) => fs.existsSync(path.join(dir, `${name}.class`)),
    build: (tmp) => run(findExecutable('javac'), ['-nowarn', '-cp', classpath, '-d', tmp, source]),
  });
}

module.exports = { ensureInstalled, mavenJars, goInstall, javaClasses, run, findExecutable, sleep };
