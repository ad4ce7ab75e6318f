import { Module } from '@nestjs/common';
import { DispatchAnnouncements } from './dispatch-announcements';
import { AlertCaseService } from './alert-case.service';
import { AlertQueryService } from './alert-query.service';
import { AlertsController } from './alerts.controller';

@Module({
  controllers: [AlertsController],
  providers: [AlertQueryService, AlertCaseService, DispatchAnnouncements],
  exports: [AlertQueryService, AlertCaseService, DispatchAnnouncements],
})
export class AlertsModule {}
