'use strict';
/**
 * The server side of http-raw, run as a child process so that autocannon does not share its
 * event loop: a bare NestJS 11 app on Fastify with one GET route. Plain JavaScript, so the
 * decorators are applied as functions. Reports its port over IPC, stops on SIGTERM.
 */
require('reflect-metadata');
const { Controller, Get, Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { FastifyAdapter } = require('@nestjs/platform-fastify');

class PingController {
  ping() {
    return { ok: true };
  }
}
Controller()(PingController);
Get('ping')(PingController.prototype, 'ping', Object.getOwnPropertyDescriptor(PingController.prototype, 'ping'));

class BenchModule {}
Module({ controllers: [PingController] })(BenchModule);

async function main() {
  const startedAt = Date.now();
  const app = await NestFactory.create(BenchModule, new FastifyAdapter(), { logger: false });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address();
  process.send({ port, startupMs: Date.now() - startedAt });
  const stop = () => app.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  // The parent may die without signalling; do not outlive it.
  process.once('disconnect', stop);
}

main().catch((err) => {
  process.stderr.write(`${err.stack || err.message}\n`);
  process.exit(1);
});
