import { Module } from '@nestjs/common';
import { CanteensController } from './canteens.controller';
import { CanteensService } from './canteens.service';
import { MealTerminalService } from './meal-terminal.service';

/** Community canteens (助餐): canteens, the bureau's meal subsidies, and the cashier's terminal. */
@Module({
  controllers: [CanteensController],
  providers: [CanteensService, MealTerminalService],
})
export class MealsModule {}
