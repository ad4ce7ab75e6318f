import { DomainError } from '@eldercare/domain';
import { mayReadMetrics, platformMetrics } from '@eldercare/metrics';
import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { API_OPTIONS, type ApiOptions } from '../api.options';
import { Public } from '../auth/access.decorators';
import { QueueDepthCollector } from './queue-depth.collector';

/** Prometheus metrics. Not for people: the scraper sends the bearer token in METRICS_TOKEN, unless METRICS_OPEN. */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly queueDepths: QueueDepthCollector,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {}

  @Get()
  @Header('Content-Type', platformMetrics.registry.contentType)
  async metrics(@Req() request: Request): Promise<string> {
    if (!mayReadMetrics(this.options.metrics, request.headers.authorization))
      throw new DomainError('forbidden', 'metrics are for the scraper: send the bearer token in METRICS_TOKEN');
    await this.queueDepths.collect();
    return platformMetrics.registry.metrics();
  }
}
