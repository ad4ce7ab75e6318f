import { Module } from '@nestjs/common';
import { EldersModule } from '../elders/elders.module';
import { CityMapController } from './city-map.controller';
import { CityMapService } from './city-map.service';

@Module({
  imports: [EldersModule],
  controllers: [CityMapController],
  providers: [CityMapService],
})
export class CityMapModule {}
