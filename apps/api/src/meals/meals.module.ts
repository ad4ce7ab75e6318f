import { Module } from '@nestjs/common';
import { EldersModule } from '../elders/elders.module';
import { CanteensController } from './canteens.controller';
import { CanteensService } from './canteens.service';
import { FaceModel } from './face-model';
import { FacesController } from './faces.controller';
import { FacesService } from './faces.service';
import { MealTerminalService } from './meal-terminal.service';

/** Community canteens (助餐): canteens, the bureau's meal subsidies, elders' faces, and the cashier's terminal. */
@Module({
  imports: [EldersModule],
  controllers: [CanteensController, FacesController],
  providers: [CanteensService, MealTerminalService, FacesService, FaceModel],
})
export class MealsModule {}
