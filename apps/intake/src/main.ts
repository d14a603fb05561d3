import 'reflect-metadata';
import { bootstrapService } from '@careloop/runtime';
import { AppModule } from './app.module';

void bootstrapService(AppModule, {
  service: 'intake',
  title: 'careloop intake',
  description: 'Clients, consent, coverage, inbound referrals, screening and needs assessment.',
}).catch((err: unknown) => {
  // Start-up failures (invalid environment, unreachable database) must stop the process with a readable reason.
  process.stderr.write(`intake failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
