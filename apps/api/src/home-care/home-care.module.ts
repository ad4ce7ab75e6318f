import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { EldersModule } from '../elders/elders.module';
import { CarePlansController } from './care-plans.controller';
import { CarePlansService } from './care-plans.service';
import { FamilyController } from './family.controller';
import { FamilyService } from './family.service';
import { WorkOrdersController } from './work-orders.controller';
import { WorkOrdersService } from './work-orders.service';

/** Care plans, work orders and their visits, and the family's page. */
@Module({
  imports: [AlertsModule, EldersModule],
  controllers: [CarePlansController, WorkOrdersController, FamilyController],
  providers: [CarePlansService, WorkOrdersService, FamilyService],
})
export class HomeCareModule {}
