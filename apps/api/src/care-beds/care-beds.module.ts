import { Module } from '@nestjs/common';
import { EldersModule } from '../elders/elders.module';
import { CareBedsController } from './care-beds.controller';
import { CareBedsService } from './care-beds.service';

/** Care beds at home: the record, with the elder's devices and care plan as its package. */
@Module({
  imports: [EldersModule],
  controllers: [CareBedsController],
  providers: [CareBedsService],
})
export class CareBedsModule {}
