import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { CareCallsController } from './care-calls.controller';
import { CareCallsService } from './care-calls.service';

@Module({
  imports: [AlertsModule],
  controllers: [CareCallsController],
  providers: [CareCallsService],
})
export class CareCallsModule {}
