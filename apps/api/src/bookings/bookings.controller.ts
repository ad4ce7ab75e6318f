import type { BookingQuote, BookingView } from '@eldercare/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { idParam } from '../http/id-param';
import { BookingCancelRequest, BookingRequest, BookingSearchQuery, DisputeRequest } from './booking.dto';
import { BookingsService } from './bookings.service';

const bookingId = idParam('booking-not-found');

@ApiTags('bookings')
@Controller('api/bookings')
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  @Get()
  @Requires('bookings.read')
  search(@CurrentViewer() viewer: Viewer, @Query() query: BookingSearchQuery): Promise<BookingView[]> {
    return this.bookings.search(viewer, {
      ...query,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    });
  }

  @Get(':id')
  @Requires('bookings.read')
  get(@CurrentViewer() viewer: Viewer, @Param('id', bookingId) id: string): Promise<BookingView> {
    return this.bookings.get(viewer, id);
  }

  /** Who pays and what cancelling costs, shown before the booker confirms. */
  @Post('quote')
  @Requires('bookings.make')
  @HttpCode(HttpStatus.OK)
  quote(@CurrentViewer() viewer: Viewer, @Body() body: BookingRequest): Promise<BookingQuote> {
    return this.bookings.quote(viewer, body);
  }

  @Post()
  @Requires('bookings.make')
  book(@CurrentViewer() viewer: Viewer, @Body() body: BookingRequest): Promise<BookingView> {
    return this.bookings.book(viewer, body);
  }

  /** The booker's side or the provider's admin. */
  @Post(':id/cancel')
  @Requires('bookings.make', 'offers.manage')
  @HttpCode(HttpStatus.OK)
  cancel(
    @CurrentViewer() viewer: Viewer,
    @Param('id', bookingId) id: string,
    @Body() body: BookingCancelRequest,
  ): Promise<BookingView> {
    return this.bookings.cancel(viewer, id, body.reason);
  }

  @Post(':id/confirm')
  @Requires('visits.rate')
  @HttpCode(HttpStatus.OK)
  confirm(@CurrentViewer() viewer: Viewer, @Param('id', bookingId) id: string): Promise<BookingView> {
    return this.bookings.confirm(viewer, id, 'confirmed', null);
  }

  /** A dispute is filed as a complaint: it reaches the provider and the bureau. */
  @Post(':id/dispute')
  @Requires('visits.rate')
  @HttpCode(HttpStatus.OK)
  dispute(
    @CurrentViewer() viewer: Viewer,
    @Param('id', bookingId) id: string,
    @Body() body: DisputeRequest,
  ): Promise<BookingView> {
    return this.bookings.confirm(viewer, id, 'disputed', body.text);
  }
}
