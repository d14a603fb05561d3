import { DynamicModule, Module } from '@nestjs/common';
import { ENV } from './env.token';
import { validateEnv } from './validate-env';

@Module({})
export class PlatformConfigModule {
  /**
   * Validates the environment once at start-up and provides it under `ENV` (and under the env
   * class itself, for typed injection). A bad environment fails the boot with a message naming
   * every wrong variable. `raw` defaults to `process.env`; tests pass their own record.
   */
  static forRoot<T extends object>(envClass: new () => T, raw: Record<string, unknown> = process.env): DynamicModule {
    return {
      module: PlatformConfigModule,
      global: true,
      providers: [
        { provide: ENV, useFactory: (): T => validateEnv(envClass, raw) },
        { provide: envClass, useExisting: ENV },
      ],
      exports: [ENV, envClass],
    };
  }
}
