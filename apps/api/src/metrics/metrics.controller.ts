import { DomainError } from '@eldercare/domain';
import { mayReadMetrics, platformMetrics } from '@eldercare/metrics';
import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
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

  /** The Prometheus content type only on the metrics themselves: a refusal is a JSON error like any other. */
  @Get()
  async metrics(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<string> {
    if (!mayReadMetrics(this.options.metrics, request.headers.authorization))
      throw new DomainError('forbidden', 'metrics are for the scraper: send the bearer token in METRICS_TOKEN');
    await this.queueDepths.collect();
    response.type(platformMetrics.registry.contentType);
    return platformMetrics.registry.metrics();
  }
}
