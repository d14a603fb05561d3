import 'reflect-metadata';
import { bootstrapService } from '@careloop/runtime';
import { AppModule } from './app.module';

void bootstrapService(AppModule, {
  service: 'notification',
  title: 'careloop notification',
  description: 'Email, SMS and signed webhooks to care teams, clients, families and partner insurers; every attempt recorded.',
}).catch((err: unknown) => {
  process.stderr.write(`notification failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
