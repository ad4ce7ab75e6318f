import { Module } from '@nestjs/common';
import { AlertCaseService } from './alert-case.service';
import { AlertQueryService } from './alert-query.service';
import { AlertsController } from './alerts.controller';

@Module({
  controllers: [AlertsController],
  providers: [AlertQueryService, AlertCaseService],
  exports: [AlertQueryService, AlertCaseService],
})
export class AlertsModule {}
