import 'reflect-metadata';
import { bootstrapService } from '@careloop/runtime';
import { AppModule } from './app.module';

void bootstrapService(AppModule, {
  service: 'care-planning',
  title: 'careloop care-planning',
  description: 'Case assignment, care plans (problems, goals, interventions, tasks, care team), program requests, referrals.',
}).catch((err: unknown) => {
  process.stderr.write(`care-planning failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
