import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { EldersModule } from '../elders/elders.module';
import { RiskVisitsController } from './risk-visits.controller';
import { RiskVisitsService } from './risk-visits.service';

/** Visits to elders at risk, their pairs, and the supervisor's list of overdue visits. */
@Module({
  imports: [AlertsModule, EldersModule],
  controllers: [RiskVisitsController],
  providers: [RiskVisitsService],
})
export class RiskVisitsModule {}
