'use strict';
const net = require('node:net');

const HOST = '127.0.0.1';

function tryListen(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', (err) => resolve({ ok: false, code: err.code }));
    server.listen({ port, host: HOST, exclusive: true }, () => {
      const { port: bound } = server.address();
      server.close(() => resolve({ ok: true, port: bound }));
    });
  });
}

/** Throws a clear error when the port cannot be bound on 127.0.0.1. */
async function assertPortFree(port, { what, envVar }) {
  const result = await tryListen(port);
  if (result.ok) return;
  const hint = envVar ? `; set ${envVar} to use another port` : '';
  const reason = result.code === 'EADDRINUSE' ? 'is already in use' : `cannot be bound (${result.code})`;
  const err = new Error(`Port ${port} (${what}) on ${HOST} ${reason}${hint}.`);
  err.code = 'PORT_TAKEN';
  throw err;
}

// Never hand out the same ephemeral port twice from this process (the kernel may offer it again once closed).
const handedOut = new Set();

/** Free ephemeral ports, distinct from each other and from earlier calls. */
async function freePorts(count) {
  const ports = [];
  while (ports.length < count) {
    const result = await tryListen(0);
    if (result.ok && !handedOut.has(result.port)) {
      handedOut.add(result.port);
      ports.push(result.port);
    }
  }
  return ports;
}

function portFromEnv(envVar, fallback) {
  const raw = process.env[envVar];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`${envVar}=${raw} is not a valid TCP port.`);
  }
  return port;
}

/** Resolves once something accepts TCP connections on host:port. */
function canConnect(port, host = HOST, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

module.exports = { HOST, assertPortFree, freePorts, portFromEnv, canConnect };
