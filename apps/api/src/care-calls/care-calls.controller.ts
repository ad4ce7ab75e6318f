import type { CareCallDay, CareCallRecord } from '@eldercare/contracts';
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { CareCallDayQuery, CareCallRequest } from './care-call.dto';
import { CareCallsService } from './care-calls.service';

@ApiTags('care-calls')
@Controller('api/care-calls')
export class CareCallsController {
  constructor(private readonly careCalls: CareCallsService) {}

  /** Who is due a care call that day, and the calls made. */
  @Get()
  @Requires('alerts.work')
  day(@CurrentViewer() viewer: Viewer, @Query() query: CareCallDayQuery): Promise<CareCallDay> {
    return this.careCalls.day(viewer, query.date);
  }

  /** Records a call; one that did not reach an elder living alone raises a check-on alert. */
  @Post()
  @Requires('alerts.work')
  record(@CurrentViewer() viewer: Viewer, @Body() body: CareCallRequest): Promise<CareCallRecord> {
    return this.careCalls.record(viewer, body);
  }
}
