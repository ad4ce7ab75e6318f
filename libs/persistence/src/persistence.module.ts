import { Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { openDatabase } from './data-source';
import { DeviceRepository } from './repositories/device.repository';
import { DeviceBrokerRoleRepository } from './repositories/device-broker-role.repository';
import { IngestRepository } from './repositories/ingest.repository';
import { AlertRepository } from './repositories/alert.repository';
import { RuleStateRepository } from './repositories/rule-state.repository';
import { WaterUseRepository } from './repositories/water-use.repository';
import { UserRepository } from './repositories/user.repository';
import { AuditRepository } from './repositories/audit.repository';
import { AlertViewRepository } from './repositories/alert-view.repository';
import { AlertCaseRepository } from './repositories/alert-case.repository';
import { ElderRecordRepository } from './repositories/elder-record.repository';
import { RegionRepository } from './repositories/region.repository';
import { ElderRegistryRepository } from './repositories/elder-registry.repository';
import { DeviceInventoryRepository } from './repositories/device-inventory.repository';
import { UserAccountRepository } from './repositories/user-account.repository';
import { CareCallRepository } from './repositories/care-call.repository';
import { ElderSettingsRepository } from './repositories/elder-settings.repository';
import { CarePlanRepository } from './repositories/care-plan.repository';
import { WorkOrderRepository } from './repositories/work-order.repository';
import { VisitRatingRepository } from './repositories/visit-rating.repository';
import { ComplaintRepository } from './repositories/complaint.repository';
import { ReportRepository } from './repositories/report.repository';
import { JobOutboxRepository } from './repositories/job-outbox.repository';
import { BookingRepository } from './repositories/booking.repository';
import { CanteenRepository } from './repositories/canteen.repository';
import { ReportArchiveRepository } from './repositories/report-archive.repository';
import { SupervisionRepository } from './repositories/supervision.repository';
import { MapRepository } from './repositories/map.repository';
import { TimeCoinLedgerRepository } from './repositories/time-coin-ledger.repository';
import { VolunteerRepository } from './repositories/volunteer.repository';
import { VolunteerRequestRepository } from './repositories/volunteer-request.repository';
import { RiskVisitRepository } from './repositories/risk-visit.repository';
import { CareBedRepository } from './repositories/care-bed.repository';
import { AdaptationCaseRepository } from './repositories/adaptation-case.repository';

export interface PersistenceOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/** Each is a plain class over the DataSource, so tests and scripts can build them without Nest. */
const REPOSITORIES = [
  DeviceRepository,
  DeviceBrokerRoleRepository,
  IngestRepository,
  AlertRepository,
  RuleStateRepository,
  WaterUseRepository,
  UserRepository,
  AuditRepository,
  AlertViewRepository,
  AlertCaseRepository,
  ElderRecordRepository,
  RegionRepository,
  CareCallRepository,
  ElderSettingsRepository,
  CarePlanRepository,
  WorkOrderRepository,
  VisitRatingRepository,
  ComplaintRepository,
  ElderRegistryRepository,
  DeviceInventoryRepository,
  UserAccountRepository,
  ReportRepository,
  JobOutboxRepository,
  BookingRepository,
  CanteenRepository,
  ReportArchiveRepository,
  SupervisionRepository,
  MapRepository,
  TimeCoinLedgerRepository,
  VolunteerRepository,
  VolunteerRequestRepository,
  RiskVisitRepository,
  CareBedRepository,
  AdaptationCaseRepository,
];

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** One migrated connection pool per process, shared by every app module in it. */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      providers: [
        { provide: DataSource, useFactory: () => openDatabase(options.url, options) },
        ...REPOSITORIES.map((repository) => ({
          provide: repository,
          useFactory: (dataSource: DataSource) => new repository(dataSource),
          inject: [DataSource],
        })),
        DataSourceCloser,
      ],
      exports: [DataSource, ...REPOSITORIES],
    };
  }
}
