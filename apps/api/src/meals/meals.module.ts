import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts/alerts.module';
import { EldersModule } from '../elders/elders.module';
import { CanteensController } from './canteens.controller';
import { CanteensService } from './canteens.service';
import { FaceModel } from './face-model';
import { FacesController } from './faces.controller';
import { FacesService } from './faces.service';
import { MealCardsController } from './meal-cards.controller';
import { MealOrdersController } from './meal-orders.controller';
import { MealOrdersService } from './meal-orders.service';
import { MealSubsidyCheck } from './meal-subsidy-check';
import { MealTerminalService } from './meal-terminal.service';

/**
 * Community canteens (助餐): canteens, the bureau's meal subsidies, elders' faces, the cashier's terminal, and meals
 * families order (delivered ones as work orders).
 */
@Module({
  imports: [AlertsModule, EldersModule],
  controllers: [CanteensController, FacesController, MealCardsController, MealOrdersController],
  providers: [CanteensService, MealTerminalService, FacesService, FaceModel, MealSubsidyCheck, MealOrdersService],
})
export class MealsModule {}
