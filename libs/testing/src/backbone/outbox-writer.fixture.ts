/**
 * Run as a child process by the relay crash test: writes one probe with its event in the outbox (one atomic insert),
 * says so on stdout, then waits to be killed. Nothing in this process publishes.
 */
import 'reflect-metadata';
import mongoose from 'mongoose';
import { databaseNameFor, installTenantScope } from '@careloop/persistence';
import { EventFactory } from '@careloop/messaging';
import { BackboneProbed, Probe, ProbeSchema } from './backbone-probe.fixture';

async function main(): Promise<void> {
  const [probeId, tenantId] = process.argv.slice(2);
  installTenantScope(mongoose);
  const connection = await mongoose
    .createConnection(process.env['MONGODB_URI'] as string, {
      dbName: databaseNameFor('backbone-probe', process.env['MONGODB_DB_PREFIX']),
      retryWrites: false,
    })
    .asPromise();
  const model = connection.model(Probe.name, ProbeSchema);
  const entry = new EventFactory('backbone-probe').create(
    BackboneProbed,
    { probeId, step: 1, behaviour: 'ok' },
    { context: { tenantId, correlationId: `crash-${probeId}` } },
  );
  await model.create({ _id: probeId, tenantId, state: 1, outbox: [entry] });
  process.stdout.write(`written ${entry.id}\n`);
  setInterval(() => undefined, 60_000);
}

void main();
