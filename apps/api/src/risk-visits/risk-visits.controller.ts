import type { ElderPairView, OverdueVisitView, RiskLevel, RiskVisitView } from '@eldercare/contracts';
import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { idParam } from '../http/id-param';
import { ElderPairBody, RiskVisitBody, VisitFrequenciesBody } from './risk-visits.dto';
import { RiskVisitsService } from './risk-visits.service';

const elderId = idParam('elder-not-found');

/** Visits to elders at risk and their pairs (巡访、结对帮扶). */
@ApiTags('risk-visits')
@Controller('api')
export class RiskVisitsController {
  constructor(private readonly visits: RiskVisitsService) {}

  @Get('visit-frequencies')
  @Requires('elders.read')
  frequencies(): Promise<Record<RiskLevel, number>> {
    return this.visits.frequencies();
  }

  @Put('visit-frequencies')
  @Requires('visit-frequencies.write')
  setFrequencies(
    @CurrentViewer() viewer: Viewer,
    @Body() body: VisitFrequenciesBody,
  ): Promise<Record<RiskLevel, number>> {
    return this.visits.setFrequencies(viewer, body);
  }

  @Get('elders/:id/pair')
  @Requires('elders.read')
  pair(@CurrentViewer() viewer: Viewer, @Param('id', elderId) id: string): Promise<ElderPairView> {
    return this.visits.pair(viewer, id);
  }

  @Put('elders/:id/pair')
  @Requires('pairs.write')
  setPair(
    @CurrentViewer() viewer: Viewer,
    @Param('id', elderId) id: string,
    @Body() body: ElderPairBody,
  ): Promise<ElderPairView> {
    return this.visits.setPair(viewer, id, body);
  }

  @Post('elders/:id/risk-visits')
  @Requires('risk-visits.record')
  record(
    @CurrentViewer() viewer: Viewer,
    @Param('id', elderId) id: string,
    @Body() body: RiskVisitBody,
  ): Promise<RiskVisitView> {
    return this.visits.record(viewer, id, body);
  }

  @Get('risk-visits/overdue')
  @Requires('risk-visits.record')
  overdue(@CurrentViewer() viewer: Viewer): Promise<OverdueVisitView[]> {
    return this.visits.overdue(viewer);
  }
}
