import { Module } from '@nestjs/common';
import { ReportArchiveConsumer } from './report-archive.consumer';
import { ReportArchiveScheduler } from './report-archive.scheduler';
import { ReportArchiveService } from './report-archive.service';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  controllers: [ReportsController],
  providers: [ReportsService, ReportArchiveService, ReportArchiveScheduler, ReportArchiveConsumer],
})
export class ReportsModule {}
