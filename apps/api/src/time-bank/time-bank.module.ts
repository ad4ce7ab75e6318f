import { Module } from '@nestjs/common';
import { EldersModule } from '../elders/elders.module';
import { TimeBankController } from './time-bank.controller';
import { TimeCoinsService } from './time-coins.service';
import { VolunteerRequestsService } from './volunteer-requests.service';
import { VolunteersService } from './volunteers.service';

/** The volunteer time bank (时间银行): volunteers, their requests and visits, the coin journal. */
@Module({
  imports: [EldersModule],
  controllers: [TimeBankController],
  providers: [VolunteersService, VolunteerRequestsService, TimeCoinsService],
})
export class TimeBankModule {}
