import type { WorkOrderView } from '@eldercare/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { idParam } from '../http/id-param';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import {
  AssignRequest,
  CancelRequest,
  CheckInRequest,
  CheckOutRequest,
  ComplaintRequest,
  OneOffWorkOrderRequest,
  RatingRequest,
  ResolveExceptionsRequest,
  WorkOrderSearchQuery,
} from './work-order.dto';
import { WorkOrdersService } from './work-orders.service';

const orderId = idParam('work-order-not-found');

@ApiTags('work-orders')
@Controller('api')
export class WorkOrdersController {
  constructor(private readonly orders: WorkOrdersService) {}

  /** Orders in the viewer's scope: a region's, a provider's, a caregiver's own, a family's elder's. */
  @Get('work-orders')
  @Requires('work-orders.read')
  search(@CurrentViewer() viewer: Viewer, @Query() query: WorkOrderSearchQuery): Promise<WorkOrderView[]> {
    return this.orders.search(viewer, {
      ...query,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
  }

  @Get('work-orders/:id')
  @Requires('work-orders.read')
  get(@CurrentViewer() viewer: Viewer, @Param('id', orderId) id: string): Promise<WorkOrderView> {
    return this.orders.get(viewer, id);
  }

  /** Sends someone now, typically from an alert. */
  @Post('work-orders')
  @Requires('work-orders.dispatch')
  create(@CurrentViewer() viewer: Viewer, @Body() body: OneOffWorkOrderRequest): Promise<WorkOrderView> {
    return this.orders.createOneOff(viewer, body);
  }

  @Post('work-orders/:id/assign')
  @Requires('work-orders.assign')
  @HttpCode(HttpStatus.OK)
  assign(
    @CurrentViewer() viewer: Viewer,
    @Param('id', orderId) id: string,
    @Body() body: AssignRequest,
  ): Promise<WorkOrderView> {
    return this.orders.assign(viewer, id, body.caregiverId);
  }

  @Post('work-orders/:id/accept')
  @Requires('work-orders.perform')
  @HttpCode(HttpStatus.OK)
  accept(@CurrentViewer() viewer: Viewer, @Param('id', orderId) id: string): Promise<WorkOrderView> {
    return this.orders.accept(viewer, id);
  }

  @Post('work-orders/:id/check-in')
  @Requires('work-orders.perform')
  @HttpCode(HttpStatus.OK)
  checkIn(
    @CurrentViewer() viewer: Viewer,
    @Param('id', orderId) id: string,
    @Body() body: CheckInRequest,
  ): Promise<WorkOrderView> {
    return this.orders.checkIn(viewer, id, body);
  }

  @Post('work-orders/:id/check-out')
  @Requires('work-orders.perform')
  @HttpCode(HttpStatus.OK)
  checkOut(
    @CurrentViewer() viewer: Viewer,
    @Param('id', orderId) id: string,
    @Body() body: CheckOutRequest,
  ): Promise<WorkOrderView> {
    return this.orders.checkOut(viewer, id, body);
  }

  /** Operators and supervisors, or the provider's admin. */
  @Post('work-orders/:id/cancel')
  @Requires('work-orders.dispatch', 'work-orders.assign')
  @HttpCode(HttpStatus.OK)
  cancel(
    @CurrentViewer() viewer: Viewer,
    @Param('id', orderId) id: string,
    @Body() body: CancelRequest,
  ): Promise<WorkOrderView> {
    return this.orders.cancel(viewer, id, body.reason);
  }

  /** The provider admin's decision on a visit's exceptions: approved (delivered) or rejected (not delivered). */
  @Post('work-orders/:id/resolve-exceptions')
  @Requires('visit-exceptions.resolve')
  @HttpCode(HttpStatus.OK)
  resolveExceptions(
    @CurrentViewer() viewer: Viewer,
    @Param('id', orderId) id: string,
    @Body() body: ResolveExceptionsRequest,
  ): Promise<WorkOrderView> {
    return this.orders.resolveExceptions(viewer, id, body);
  }

  @Post('work-orders/:id/rating')
  @Requires('visits.rate')
  @HttpCode(HttpStatus.NO_CONTENT)
  rate(@CurrentViewer() viewer: Viewer, @Param('id', orderId) id: string, @Body() body: RatingRequest): Promise<void> {
    return this.orders.rate(viewer, id, body.stars, body.comment);
  }

  /** A family's complaint; it reaches the provider and the bureau through their reports. */
  @Post('complaints')
  @Requires('visits.rate')
  complain(@CurrentViewer() viewer: Viewer, @Body() body: ComplaintRequest): Promise<{ id: string }> {
    return this.orders.complain(viewer, body);
  }
}
