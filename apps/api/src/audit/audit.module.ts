import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';

/** The audit trail: who read or changed the records of the elders in the viewer's scope. */
@Module({
  controllers: [AuditController],
})
export class AuditModule {}
