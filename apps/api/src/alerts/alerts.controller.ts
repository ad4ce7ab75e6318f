import type { AlertCase, AlertView, CallLogEntry, DispatchEntry } from '@eldercare/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { idParam } from '../http/id-param';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { AlertCaseService } from './alert-case.service';
import { AlertQueryService, type AlertPage } from './alert-query.service';
import { AlertSearchQuery, DispatchRequest, LogCallRequest, ResolveRequest } from './alert.dto';
import { toAlertSearch } from './alert-search';

const alertId = idParam('alert-not-found');

@ApiTags('alerts')
@Controller('api/alerts')
export class AlertsController {
  constructor(
    private readonly queries: AlertQueryService,
    private readonly cases: AlertCaseService,
  ) {}

  /** The open queue of the viewer's scope: most severe first, then longest waiting. */
  @Get('open')
  @Requires('alerts.read')
  open(@CurrentViewer() viewer: Viewer): Promise<AlertView[]> {
    return this.queries.openQueue(viewer);
  }

  /** Past and present alerts, newest first, a page at a time. */
  @Get()
  @Requires('alerts.read')
  search(@CurrentViewer() viewer: Viewer, @Query() query: AlertSearchQuery): Promise<AlertPage> {
    return this.queries.search(viewer, toAlertSearch(query));
  }

  /** The whole case; the read of the elder's record in it is audited. */
  @Get(':id')
  @Requires('alerts.read')
  alertCase(@CurrentViewer() viewer: Viewer, @Param('id', alertId) id: string): Promise<AlertCase> {
    return this.queries.alertCase(viewer, id);
  }

  /** Only a dispatch console's showing starts the answer clock: a family's app or the bureau's must not. */
  @Post(':id/shown')
  @Requires('alerts.work')
  @HttpCode(HttpStatus.NO_CONTENT)
  shown(@CurrentViewer() viewer: Viewer, @Param('id', alertId) id: string): Promise<void> {
    return this.cases.markShown(viewer, id);
  }

  @Post(':id/claim')
  @Requires('alerts.work')
  @HttpCode(HttpStatus.OK)
  claim(@CurrentViewer() viewer: Viewer, @Param('id', alertId) id: string): Promise<AlertView> {
    return this.cases.claim(viewer, id);
  }

  @Post(':id/calls')
  @Requires('alerts.work')
  logCall(
    @CurrentViewer() viewer: Viewer,
    @Param('id', alertId) id: string,
    @Body() body: LogCallRequest,
  ): Promise<CallLogEntry> {
    return this.cases.logCall(viewer, id, body);
  }

  @Post(':id/dispatches')
  @Requires('alerts.work')
  dispatch(
    @CurrentViewer() viewer: Viewer,
    @Param('id', alertId) id: string,
    @Body() body: DispatchRequest,
  ): Promise<DispatchEntry> {
    return this.cases.dispatchHelp(viewer, id, body);
  }

  @Post(':id/resolve')
  @Requires('alerts.work')
  @HttpCode(HttpStatus.OK)
  resolve(
    @CurrentViewer() viewer: Viewer,
    @Param('id', alertId) id: string,
    @Body() body: ResolveRequest,
  ): Promise<AlertView> {
    return this.cases.resolve(viewer, id, body.outcome, body.reason);
  }
}
