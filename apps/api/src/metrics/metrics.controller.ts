import { DomainError } from '@eldercare/domain';
import { platformMetrics } from '@eldercare/metrics';
import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { API_OPTIONS, type ApiOptions } from '../api.options';
import { Public } from '../auth/access.decorators';
import { QueueDepthCollector } from './queue-depth.collector';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Prometheus metrics. Not for people: the scraper on this host may read them, anyone else needs the bearer token
 * in METRICS_TOKEN.
 */
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
    if (!this.mayScrape(request))
      throw new DomainError('forbidden', 'metrics are for the scraper: send the bearer token in METRICS_TOKEN');
    await this.queueDepths.collect();
    return platformMetrics.registry.metrics();
  }

  private mayScrape(request: Request): boolean {
    const token = this.options.metricsToken;
    const presented = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (token && presented.length === token.length && timingSafeEqual(Buffer.from(presented), Buffer.from(token)))
      return true;
    return LOOPBACK.has(request.socket.remoteAddress ?? '');
  }
}
