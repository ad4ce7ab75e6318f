export * from './data-source';
export * from './entities';
export * from './migrations';
export * from './repositories/device.repository';
export * from './repositories/ingest.repository';
export type { DeviceStatus } from './entities/device.entity';
export type { RegionLevel } from './entities/region.entity';
export * from './persistence.module';
