import { Module } from '@nestjs/common';
import { WallboardController } from './wallboard.controller';
import { WallboardService } from './wallboard.service';

@Module({
  controllers: [WallboardController],
  providers: [WallboardService],
})
export class WallboardModule {}
