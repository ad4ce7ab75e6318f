import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { EldersModule } from '../elders/elders.module';
import { BookingsController } from './bookings.controller';
import { BookingsService } from './bookings.service';
import { OffersController } from './offers.controller';
import { OffersService } from './offers.service';

/** Booking a service (服务预约): providers' offers, their free slots, bookings and what follows the visit. */
@Module({
  imports: [AlertsModule, EldersModule],
  controllers: [OffersController, BookingsController],
  providers: [OffersService, BookingsService],
})
export class BookingsModule {}
