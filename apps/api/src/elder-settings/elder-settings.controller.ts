import type { AbsenceRecord } from '@eldercare/persistence';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { idParam } from '../http/id-param';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { AbsenceRequest, RuleSettingsRequest } from './elder-settings.dto';
import { ElderSettingsService, type RuleSettingsView } from './elder-settings.service';

@ApiTags('elders')
@Controller('api/elders/:elderId')
export class ElderSettingsController {
  constructor(private readonly settings: ElderSettingsService) {}

  /** The elder's thresholds: vital-sign limits, the safe zone, hours without water … and the defaults. */
  @Get('rule-settings')
  @Requires('elders.read')
  ruleSettings(
    @CurrentViewer() viewer: Viewer,
    @Param('elderId', idParam('elder-not-found')) elderId: string,
  ): Promise<RuleSettingsView> {
    return this.settings.ruleSettings(viewer, elderId);
  }

  @Put('rule-settings')
  @Requires('elders.write')
  replaceRuleSettings(
    @CurrentViewer() viewer: Viewer,
    @Param('elderId', idParam('elder-not-found')) elderId: string,
    @Body() body: RuleSettingsRequest,
  ): Promise<RuleSettingsView> {
    return this.settings.replaceRuleSettings(viewer, elderId, body);
  }

  /** Absences not yet over: the inactivity rules are muted while the elder is away or in hospital. */
  @Get('absences')
  @Requires('elders.read')
  absences(
    @CurrentViewer() viewer: Viewer,
    @Param('elderId', idParam('elder-not-found')) elderId: string,
  ): Promise<AbsenceRecord[]> {
    return this.settings.absences(viewer, elderId);
  }

  @Post('absences')
  @Requires('absences.write')
  addAbsence(
    @CurrentViewer() viewer: Viewer,
    @Param('elderId', idParam('elder-not-found')) elderId: string,
    @Body() body: AbsenceRequest,
  ): Promise<AbsenceRecord[]> {
    return this.settings.addAbsence(viewer, elderId, body);
  }

  /** The elder came home early. */
  @Delete('absences/:absenceId')
  @Requires('absences.write')
  @HttpCode(HttpStatus.NO_CONTENT)
  endAbsence(
    @CurrentViewer() viewer: Viewer,
    @Param('elderId', idParam('elder-not-found')) elderId: string,
    @Param('absenceId', idParam('absence-not-found')) absenceId: string,
  ): Promise<void> {
    return this.settings.endAbsence(viewer, elderId, absenceId);
  }
}
