import { Module } from '@nestjs/common';
import { AlertAnnouncements } from './alert-announcements';
import { AlertCaseService } from './alert-case.service';
import { AlertQueryService } from './alert-query.service';
import { AlertsController } from './alerts.controller';

@Module({
  controllers: [AlertsController],
  providers: [AlertQueryService, AlertCaseService, AlertAnnouncements],
  exports: [AlertQueryService, AlertCaseService, AlertAnnouncements],
})
export class AlertsModule {}
