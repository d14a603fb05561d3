import { Controller, Get, HttpCode, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { MetricsRegistry, READINESS_CHECKS, ReadinessCheck, ReadinessReport, runReadinessChecks } from '@careloop/observability';
import { Public } from '@careloop/security';
import type { FastifyReply } from 'fastify';

@ApiExcludeController()
@Public()
@Controller()
export class HealthHttpController {
  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    private readonly metrics: MetricsRegistry,
  ) {}

  /** The process is alive and its event loop turns; dependencies are not consulted (a restart would not fix them). */
  @Get('health/live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Ready to take traffic: the database and the broker answer. */
  @Get('health/ready')
  async ready(): Promise<ReadinessReport> {
    const report = await runReadinessChecks(this.checks);
    if (report.status !== 'ok') throw new ServiceUnavailableException(report);
    return report;
  }

  @Get('metrics')
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    reply.header('content-type', this.metrics.contentType);
    return this.metrics.metrics();
  }
}
