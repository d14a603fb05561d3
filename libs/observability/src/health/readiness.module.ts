import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, Reflector } from '@nestjs/core';
import { READINESS_CHECK_METADATA, READINESS_CHECKS, ReadinessCheck } from './readiness-check';

/**
 * Provides READINESS_CHECKS: an array filled at module init (all providers exist by then) with every instantiated provider marked
 * `@RegisterReadinessCheck()`. Consumers read it per probe, after bootstrap.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  // A factory, not a literal: each application gets its own array.
  providers: [{ provide: READINESS_CHECKS, useFactory: (): ReadinessCheck[] => [] }],
  exports: [READINESS_CHECKS],
})
export class ReadinessModule implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  onModuleInit(): void {
    const found = new Set<ReadinessCheck>(this.checks);
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype;
      if (!type || typeof type !== 'function' || !wrapper.instance || !wrapper.isDependencyTreeStatic()) continue;
      if (this.reflector.get<boolean | undefined>(READINESS_CHECK_METADATA, type)) {
        found.add(wrapper.instance as ReadinessCheck);
      }
    }
    this.checks.splice(0, this.checks.length, ...found);
  }
}
