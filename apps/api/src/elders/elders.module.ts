import { ELDER_IMPORT_LIMITS } from '@eldercare/domain';
import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { csvBody } from './csv-body.middleware';
import { ElderAccessService } from './elder-access.service';
import { ElderImportService } from './elder-import.service';
import { ElderRecordService } from './elder-record.service';
import { ElderRegistryService } from './elder-registry.service';
import { EldersController } from './elders.controller';

/** Elders' records and the registry they are kept in; whether an elder is the viewer's to see, for every area. */
@Module({
  controllers: [EldersController],
  providers: [ElderAccessService, ElderRecordService, ElderRegistryService, ElderImportService],
  exports: [ElderAccessService],
})
export class EldersModule implements NestModule {
  /** Only the import takes CSV, so only its route reads it, and only up to the import's size. */
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(csvBody(ELDER_IMPORT_LIMITS)).forRoutes({ path: 'api/elders/import', method: RequestMethod.POST });
  }
}
