'use strict';
// Child processes that cannot outlive us: spawned attached (detached: false) under `setpriv --pdeathsig TERM`,
// so the kernel sends them SIGTERM even if this Node process is SIGKILLed; SIGTERMed again on a normal exit.
const fs = require('node:fs');
const { spawn } = require('node:child_process');
const { findExecutable, sleep } = require('./provision');

const live = new Set();
let exitHookInstalled = false;

function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const handle of live) {
      try {
        process.kill(handle.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  });
}

const setpriv = (() => {
  const found = findExecutable('setpriv', ['/usr/bin/setpriv', '/bin/setpriv']);
  return fs.existsSync(found) ? found : null;
})();

/**
 * Spawns `cmd args`; output goes to `logFile` (appended) or, without one, to pipes on `handle.child`.
 * `ignoreSigint`: the terminal's Ctrl-C reaches the whole process group; infrastructure ignores it so that
 * whoever owns it can stop the services first and the infrastructure after (a JVM keeps SIGINT ignored
 * when it starts with it ignored). Only done where setpriv guarantees the child still dies with us.
 */
function spawnManaged({ name, cmd, args = [], env = process.env, cwd, logFile, ignoreSigint = false }) {
  let file = cmd;
  let argv = args;
  if (setpriv) {
    argv = ignoreSigint ? ['/bin/sh', '-c', 'trap "" INT; exec "$@"', 'sh', cmd, ...args] : [cmd, ...args];
    argv = ['--pdeathsig', 'TERM', '--', ...argv];
    file = setpriv;
  }
  let stdio = ['ignore', 'pipe', 'pipe'];
  let fd;
  if (logFile) {
    fd = fs.openSync(logFile, 'a');
    fs.writeSync(fd, `\n=== ${new Date().toISOString()} ${cmd} ${args.join(' ')}\n`);
    stdio = ['ignore', fd, fd];
  }
  const child = spawn(file, argv, { env, cwd, stdio, detached: false });
  if (fd !== undefined) fs.closeSync(fd);

  const handle = { name, child, pid: child.pid, logFile, exitInfo: null };
  handle.exited = new Promise((resolve) => {
    child.once('error', (err) => {
      handle.exitInfo = { code: null, signal: null, error: err };
      live.delete(handle);
      resolve(handle.exitInfo);
    });
    child.once('exit', (code, signal) => {
      handle.exitInfo = { code, signal };
      live.delete(handle);
      resolve(handle.exitInfo);
    });
  });
  handle.stop = (timeoutMs = 20000) => stopProcess(handle, timeoutMs);
  live.add(handle);
  installExitHook();
  return handle;
}

/** SIGTERM, wait up to `timeoutMs`, then SIGKILL. */
async function stopProcess(handle, timeoutMs) {
  if (handle.exitInfo) return handle.exitInfo;
  try {
    handle.child.kill('SIGTERM');
  } catch {
    // exited meanwhile
  }
  let timer;
  const timedOut = new Promise((resolve) => {
    timer = setTimeout(resolve, timeoutMs, 'timeout');
  });
  const first = await Promise.race([handle.exited, timedOut]);
  clearTimeout(timer);
  if (first !== 'timeout') return first;
  try {
    handle.child.kill('SIGKILL');
  } catch {
    // exited meanwhile
  }
  return handle.exited;
}

function describeExit(info) {
  if (!info) return 'running';
  if (info.error) return info.error.message;
  return info.signal ? `killed by ${info.signal}` : `exit code ${info.code}`;
}

function tail(file, lines = 25) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/**
 * Polls `probe()` until it resolves truthy; fails early (with the log's tail) if the process exits,
 * or after `timeoutMs`.
 */
async function waitUntilReady(handle, probe, { timeoutMs, intervalMs = 500, what = handle.name }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    if (handle.exitInfo) {
      const logTail = handle.logFile ? `\n--- last lines of ${handle.logFile} ---\n${tail(handle.logFile)}` : '';
      throw new Error(`${what} exited during start-up (${describeExit(handle.exitInfo)})${logTail}`);
    }
    try {
      if (await probe()) return;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const logHint = handle.logFile ? `; see ${handle.logFile}` : '';
      throw new Error(
        `${what} was not ready after ${Math.round(timeoutMs / 1000)} s` +
          `${lastError ? ` (last error: ${lastError.message})` : ''}${logHint}`,
      );
    }
    await Promise.race([sleep(intervalMs), handle.exited]);
  }
}

module.exports = { spawnManaged, stopProcess, waitUntilReady, describeExit, tail, hasPdeathsig: Boolean(setpriv) };
