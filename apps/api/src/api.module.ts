import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { AlertsModule } from './alerts/alerts.module';
import { ApiQueues } from './api-queues';
import { ApiOutbox } from './outbox/api-outbox';
import { API_REDIS, apiRedisProvider } from './api-redis';
import { API_OPTIONS, type ApiOptions } from './api.options';
import { AuthModule } from './auth/auth.module';
import { CareCallsModule } from './care-calls/care-calls.module';
import { ElderSettingsModule } from './elder-settings/elder-settings.module';
import { HomeCareModule } from './home-care/home-care.module';
import { BookingsModule } from './bookings/bookings.module';
import { MealsModule } from './meals/meals.module';
import { SessionGuard } from './auth/session.guard';
import { ConsoleSettingsController } from './console-app/console-settings.controller';
import { DEVICE_PROVISIONING, type DeviceProvisioning } from './devices/device-provisioning';
import { EldersModule } from './elders/elders.module';
import { DevicesModule } from './devices/devices.module';
import { UsersModule } from './users/users.module';
import { HealthController } from './health/health.controller';
import { DependencyProbes } from './health/dependency-probes';
import { MetricsController } from './metrics/metrics.controller';
import { QueueDepthCollector } from './metrics/queue-depth.collector';
import { TerminusModule } from '@nestjs/terminus';
import { DomainErrorFilter } from './http/domain-error.filter';
import { ZodValidationPipe } from './http/zod-validation.pipe';
import { LiveModule } from './live/live.module';
import { ReportsModule } from './reports/reports.module';
import { RegionsModule } from './regions/regions.module';
import { AuditModule } from './audit/audit.module';
import { WallboardModule } from './wallboard/wallboard.module';
import { CityMapModule } from './city-map/city-map.module';
import { TimeBankModule } from './time-bank/time-bank.module';
import { RiskVisitsModule } from './risk-visits/risk-visits.module';
import { CareBedsModule } from './care-beds/care-beds.module';
import { HomeAdaptationModule } from './home-adaptation/home-adaptation.module';

@Injectable()
class ApiConnectionsCloser implements OnApplicationShutdown {
  constructor(
    @Inject(DEVICE_PROVISIONING) private readonly provisioning: DeviceProvisioning,
    @Inject(API_REDIS) private readonly redis: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.provisioning.close?.();
    this.redis.disconnect();
  }
}

/** The options, the Redis connection, the queues and the outbox every api module may use. */
@Global()
@Module({})
class ApiOptionsModule {
  static forRoot(options: ApiOptions): DynamicModule {
    return {
      module: ApiOptionsModule,
      providers: [
        { provide: API_OPTIONS, useValue: options },
        { provide: DEVICE_PROVISIONING, useValue: options.provisioning },
        apiRedisProvider,
        ApiQueues,
        ApiOutbox,
      ],
      exports: [API_OPTIONS, DEVICE_PROVISIONING, API_REDIS, ApiOutbox],
    };
  }
}

/**
 * REST and socket.io for the console. Every route needs a session unless marked public; errors leave as
 * `{ error: { code, message } }`; bodies and queries are parsed by their zod DTOs. Needs PersistenceModule in the
 * same process.
 */
@Module({})
export class ApiModule {
  static forRoot(options: ApiOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ApiOptionsModule.forRoot(options),
        DiscoveryModule,
        TerminusModule,
        AuthModule,
        AlertsModule,
        EldersModule,
        CareCallsModule,
        ElderSettingsModule,
        DevicesModule,
        UsersModule,
        HomeCareModule,
        BookingsModule,
        MealsModule,
        TimeBankModule,
        RiskVisitsModule,
        CareBedsModule,
        HomeAdaptationModule,
        ReportsModule,
        RegionsModule,
        AuditModule,
        WallboardModule,
        CityMapModule,
        LiveModule,
      ],
      controllers: [HealthController, MetricsController, ConsoleSettingsController],
      providers: [
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        DependencyProbes,
        QueueDepthCollector,
        ApiConnectionsCloser,
      ],
      exports: [DevicesModule, AlertsModule, AuthModule],
    };
  }
}
