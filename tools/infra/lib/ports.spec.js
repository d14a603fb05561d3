'use strict';
const net = require('node:net');
const { assertPortFree, freePorts, portFromEnv } = require('./ports');

describe('ports', () => {
  it('names the port and the variable to change when a port is taken', async () => {
    const server = net.createServer();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address();
    try {
      await expect(assertPortFree(port, { what: 'Kafka', envVar: 'KAFKA_PORT' })).rejects.toThrow(
        `Port ${port} (Kafka) on 127.0.0.1 is already in use; set KAFKA_PORT to use another port.`,
      );
    } finally {
      server.close();
    }
  });

  it('accepts a free port', async () => {
    const [port] = await freePorts(1);
    await expect(assertPortFree(port, { what: 'x', envVar: 'X_PORT' })).resolves.toBeUndefined();
  });

  it('hands out distinct ports, also across calls', async () => {
    const first = await freePorts(3);
    const second = await freePorts(3);
    expect(new Set([...first, ...second]).size).toBe(6);
  });

  it('reads a port from the environment and rejects garbage', () => {
    process.env.CARELOOP_SPEC_PORT = '4321';
    expect(portFromEnv('CARELOOP_SPEC_PORT', 1)).toBe(4321);
    process.env.CARELOOP_SPEC_PORT = 'abc';
    expect(() => portFromEnv('CARELOOP_SPEC_PORT', 1)).toThrow('CARELOOP_SPEC_PORT=abc is not a valid TCP port.');
    delete process.env.CARELOOP_SPEC_PORT;
    expect(portFromEnv('CARELOOP_SPEC_PORT', 1)).toBe(1);
  });
});
