import type { CarePlanView, EntitlementRuleView, ProviderView } from '@eldercare/contracts';
import { type ServiceCode } from '@eldercare/domain';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { idParam } from '../http/id-param';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { CarePlanLineRequest, CarePlanMonthQuery, EndLineRequest, EntitlementRulesRequest } from './care-plan.dto';
import { CarePlansService } from './care-plans.service';

@ApiTags('care-plans')
@Controller('api')
export class CarePlansController {
  constructor(private readonly plans: CarePlansService) {}

  /** The providers the viewer works with: every one for the city's staff, their own for provider staff, the ones
   * serving their elders for a family; caregivers only to their provider's admin. */
  @Get('providers')
  @Requires('care-plans.read')
  providers(@CurrentViewer() viewer: Viewer): Promise<ProviderView[]> {
    return this.plans.providers(viewer);
  }

  /** What each category of elder is owed per month. */
  @Get('entitlements')
  @Requires('care-plans.read')
  entitlements(): Promise<EntitlementRuleView[]> {
    return this.plans.entitlementRules();
  }

  /** The bureau replaces the whole table. */
  @Put('entitlements')
  @Requires('entitlements.write')
  replaceEntitlements(
    @CurrentViewer() viewer: Viewer,
    @Body() body: EntitlementRulesRequest,
  ): Promise<EntitlementRuleView[]> {
    return this.plans.replaceEntitlementRules(
      viewer,
      body.map((rule) => ({ ...rule, service: rule.service as ServiceCode })),
    );
  }

  /** The elder's plan lines, the month's account against what they are owed, and their subsidies. */
  @Get('elders/:elderId/care-plan')
  @Requires('care-plans.read')
  view(
    @CurrentViewer() viewer: Viewer,
    @Param('elderId', idParam('elder-not-found')) elderId: string,
    @Query() query: CarePlanMonthQuery,
  ): Promise<CarePlanView> {
    return this.plans.view(viewer, elderId, query.month);
  }

  @Post('elders/:elderId/care-plan/lines')
  @Requires('care-plans.write')
  addLine(
    @CurrentViewer() viewer: Viewer,
    @Param('elderId', idParam('elder-not-found')) elderId: string,
    @Body() body: CarePlanLineRequest,
  ): Promise<CarePlanView> {
    return this.plans.addLine(viewer, elderId, { ...body, service: body.service as ServiceCode });
  }

  @Post('elders/:elderId/care-plan/lines/:lineId/end')
  @Requires('care-plans.write')
  @HttpCode(HttpStatus.OK)
  endLine(
    @CurrentViewer() viewer: Viewer,
    @Param('elderId', idParam('elder-not-found')) elderId: string,
    @Param('lineId', idParam('care-plan-line-not-found')) lineId: string,
    @Body() body: EndLineRequest,
  ): Promise<CarePlanView> {
    return this.plans.endLine(viewer, elderId, lineId, body.endsOn);
  }
}
