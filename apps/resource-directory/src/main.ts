import 'reflect-metadata';
import { bootstrapService } from '@careloop/runtime';
import { AppModule } from './app.module';

void bootstrapService(AppModule, {
  service: 'resource-directory',
  title: 'careloop resource-directory',
  description: 'Community resources in the Open Referral HSDS shape, search and matching, closed-loop referral status.',
}).catch((err: unknown) => {
  process.stderr.write(`resource-directory failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
