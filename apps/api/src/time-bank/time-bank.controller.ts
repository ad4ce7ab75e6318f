import type { TimeCoinMovementView, VolunteerRequestView, VolunteerView } from '@eldercare/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { idParam } from '../http/id-param';
import {
  ApprovalRequest,
  DisputeBody,
  GiftBody,
  IdCheckRequest,
  NewVolunteerRequestBody,
  ReasonBody,
  ResolveDisputeBody,
  VolunteerCheckInBody,
  VolunteerCheckOutBody,
  VolunteerListQuery,
  VolunteerRegistration,
  VolunteerRequestQuery,
} from './time-bank.dto';
import { TimeCoinsService } from './time-coins.service';
import { VolunteerRequestsService } from './volunteer-requests.service';
import { VolunteersService } from './volunteers.service';

const volunteerId = idParam('volunteer-not-found');
const requestId = idParam('volunteer-request-not-found');
const movementId = idParam('time-coin-movement-not-found');
const elderId = idParam('elder-not-found');

/** The volunteer time bank: volunteers, requests for their help and their visits, and the coins. */
@ApiTags('time-bank')
@Controller('api/time-bank')
export class TimeBankController {
  constructor(
    private readonly volunteers: VolunteersService,
    private readonly requests: VolunteerRequestsService,
    private readonly coins: TimeCoinsService,
  ) {}

  @Get('volunteers')
  @Requires('time-bank.manage')
  list(@CurrentViewer() viewer: Viewer, @Query() query: VolunteerListQuery): Promise<VolunteerView[]> {
    return this.volunteers.list(viewer, query.limit);
  }

  @Post('volunteers')
  @Requires('time-bank.manage')
  register(@CurrentViewer() viewer: Viewer, @Body() body: VolunteerRegistration): Promise<VolunteerView> {
    return this.volunteers.register(viewer, body);
  }

  @Post('volunteers/:id/id-check')
  @Requires('time-bank.manage')
  @HttpCode(HttpStatus.OK)
  idCheck(
    @CurrentViewer() viewer: Viewer,
    @Param('id', volunteerId) id: string,
    @Body() body: IdCheckRequest,
  ): Promise<VolunteerView> {
    return this.volunteers.recordIdCheck(viewer, id, body.trainedOn);
  }

  @Post('volunteers/:id/approve')
  @Requires('time-bank.manage')
  @HttpCode(HttpStatus.OK)
  approve(
    @CurrentViewer() viewer: Viewer,
    @Param('id', volunteerId) id: string,
    @Body() body: ApprovalRequest,
  ): Promise<VolunteerView> {
    return this.volunteers.approve(viewer, id, body);
  }

  @Get('me')
  @Requires('time-bank.serve')
  me(@CurrentViewer() viewer: Viewer): Promise<VolunteerView> {
    return this.coins.own(viewer);
  }

  @Get('me/movements')
  @Requires('time-bank.serve')
  myMovements(@CurrentViewer() viewer: Viewer): Promise<TimeCoinMovementView[]> {
    return this.coins.ownMovements(viewer);
  }

  @Post('me/gifts')
  @Requires('time-bank.serve')
  @HttpCode(HttpStatus.OK)
  give(@CurrentViewer() viewer: Viewer, @Body() body: GiftBody): Promise<VolunteerView> {
    return this.coins.give(viewer, body);
  }

  @Get('requests')
  @Requires('time-bank.request', 'time-bank.manage', 'time-bank.serve')
  requestList(@CurrentViewer() viewer: Viewer, @Query() query: VolunteerRequestQuery): Promise<VolunteerRequestView[]> {
    return this.requests.search(viewer, query);
  }

  @Get('requests/:id')
  @Requires('time-bank.request', 'time-bank.manage', 'time-bank.serve')
  request(@CurrentViewer() viewer: Viewer, @Param('id', requestId) id: string): Promise<VolunteerRequestView> {
    return this.requests.get(viewer, id);
  }

  /** Staff or a family for an elder; a volunteer of 60 or more for themselves. */
  @Post('requests')
  @Requires('time-bank.request', 'time-bank.serve')
  ask(@CurrentViewer() viewer: Viewer, @Body() body: NewVolunteerRequestBody): Promise<VolunteerRequestView> {
    return this.requests.create(viewer, body);
  }

  @Post('requests/:id/take')
  @Requires('time-bank.serve')
  @HttpCode(HttpStatus.OK)
  take(@CurrentViewer() viewer: Viewer, @Param('id', requestId) id: string): Promise<VolunteerRequestView> {
    return this.requests.take(viewer, id);
  }

  @Post('requests/:id/check-in')
  @Requires('time-bank.serve')
  @HttpCode(HttpStatus.OK)
  checkIn(
    @CurrentViewer() viewer: Viewer,
    @Param('id', requestId) id: string,
    @Body() body: VolunteerCheckInBody,
  ): Promise<VolunteerRequestView> {
    return this.requests.checkIn(viewer, id, body);
  }

  @Post('requests/:id/check-out')
  @Requires('time-bank.serve')
  @HttpCode(HttpStatus.OK)
  checkOut(
    @CurrentViewer() viewer: Viewer,
    @Param('id', requestId) id: string,
    @Body() body: VolunteerCheckOutBody,
  ): Promise<VolunteerRequestView> {
    return this.requests.checkOut(viewer, id, body);
  }

  @Post('requests/:id/confirm')
  @Requires('time-bank.request')
  @HttpCode(HttpStatus.OK)
  confirm(@CurrentViewer() viewer: Viewer, @Param('id', requestId) id: string): Promise<VolunteerRequestView> {
    return this.requests.confirm(viewer, id);
  }

  @Post('requests/:id/dispute')
  @Requires('time-bank.request')
  @HttpCode(HttpStatus.OK)
  dispute(
    @CurrentViewer() viewer: Viewer,
    @Param('id', requestId) id: string,
    @Body() body: DisputeBody,
  ): Promise<VolunteerRequestView> {
    return this.requests.dispute(viewer, id, body.reason);
  }

  @Post('requests/:id/resolve')
  @Requires('time-bank.manage')
  @HttpCode(HttpStatus.OK)
  resolve(
    @CurrentViewer() viewer: Viewer,
    @Param('id', requestId) id: string,
    @Body() body: ResolveDisputeBody,
  ): Promise<VolunteerRequestView> {
    return this.requests.resolve(viewer, id, body);
  }

  @Post('requests/:id/cancel')
  @Requires('time-bank.request')
  @HttpCode(HttpStatus.OK)
  cancel(
    @CurrentViewer() viewer: Viewer,
    @Param('id', requestId) id: string,
    @Body() body: ReasonBody,
  ): Promise<VolunteerRequestView> {
    return this.requests.cancel(viewer, id, body.reason);
  }

  @Post('movements/:id/reversal')
  @Requires('time-bank.manage')
  reverse(
    @CurrentViewer() viewer: Viewer,
    @Param('id', movementId) id: string,
    @Body() body: ReasonBody,
  ): Promise<TimeCoinMovementView> {
    return this.coins.reverse(viewer, id, body.reason);
  }

  @Get('elders/:id/account')
  @Requires('time-bank.request')
  elderAccount(
    @CurrentViewer() viewer: Viewer,
    @Param('id', elderId) id: string,
  ): Promise<{ balanceMinutes: number; movements: TimeCoinMovementView[] }> {
    return this.coins.elderAccount(viewer, id);
  }
}
