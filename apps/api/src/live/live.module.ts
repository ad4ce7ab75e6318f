import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuthModule } from '../auth/auth.module';
import { DispatchAnnouncementsConsumer } from './dispatch-announcements.consumer';
import { LiveAlertsGateway } from './live-alerts.gateway';

@Module({
  imports: [AuthModule, AlertsModule],
  providers: [LiveAlertsGateway, DispatchAnnouncementsConsumer],
})
export class LiveModule {}
