import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { EldersModule } from '../elders/elders.module';
import { CareCallsController } from './care-calls.controller';
import { CareCallsService } from './care-calls.service';

@Module({
  imports: [AlertsModule, EldersModule],
  controllers: [CareCallsController],
  providers: [CareCallsService],
})
export class CareCallsModule {}
