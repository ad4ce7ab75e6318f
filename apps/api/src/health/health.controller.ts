import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { DependencyProbes } from './dependency-probes';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly probes: DependencyProbes,
  ) {}

  /** 200 when Postgres, Redis and the broker answer, 503 otherwise; the body says which. */
  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.probes.postgres(),
      () => this.probes.redisServer(),
      () => this.probes.broker(),
    ]);
  }
}
