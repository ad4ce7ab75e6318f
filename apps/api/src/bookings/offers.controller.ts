import type { OfferView, SlotView } from '@eldercare/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentViewer, Requires } from '../auth/access.decorators';
import type { Viewer } from '../auth/viewer';
import { idParam } from '../http/id-param';
import { OfferRequest, OfferSearchQuery, SlotsQuery } from './booking.dto';
import { OffersService } from './offers.service';

const offerId = idParam('offer-not-found');

@ApiTags('bookings')
@Controller('api/offers')
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Get()
  @Requires('bookings.read')
  list(@Query() query: OfferSearchQuery): Promise<OfferView[]> {
    return this.offers.list(query);
  }

  @Post()
  @Requires('offers.manage')
  publish(@CurrentViewer() viewer: Viewer, @Body() body: OfferRequest): Promise<OfferView> {
    return this.offers.publish(viewer, body);
  }

  @Post(':id/withdraw')
  @Requires('offers.manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  withdraw(@CurrentViewer() viewer: Viewer, @Param('id', offerId) id: string): Promise<void> {
    return this.offers.withdraw(viewer, id);
  }

  @Get(':id/slots')
  @Requires('bookings.read')
  slots(@Param('id', offerId) id: string, @Query() query: SlotsQuery): Promise<SlotView[]> {
    return this.offers.slots(id, query.date);
  }
}
