import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { AuthModule } from '../auth/auth.module';
import { DispatchAnnouncementsConsumer } from './dispatch-announcements.consumer';
import { ConsoleEventsGateway } from './console-events.gateway';

@Module({
  imports: [AuthModule, AlertsModule],
  providers: [ConsoleEventsGateway, DispatchAnnouncementsConsumer],
})
export class LiveModule {}
