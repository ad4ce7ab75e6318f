import { Module } from '@nestjs/common';
import { AuditController } from '../audit/audit.controller';
import { RegionsController } from '../regions/regions.controller';
import { ElderRecordService } from './elder-record.service';
import { EldersController } from './elders.controller';

/** Elders' records, the regions they live in, and the audit of who read them. */
@Module({
  controllers: [EldersController, RegionsController, AuditController],
  providers: [ElderRecordService],
})
export class EldersModule {}
