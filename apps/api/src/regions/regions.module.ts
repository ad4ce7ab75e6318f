import { Module } from '@nestjs/common';
import { RegionsController } from './regions.controller';

/** The regions (区 > 镇/街道 > 村/社区) the viewer watches, for the console's pickers and filters. */
@Module({
  controllers: [RegionsController],
})
export class RegionsModule {}
