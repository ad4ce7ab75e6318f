import type { DeviceRegistryService } from '@eldercare/api';
import type { DeviceCredentials } from '@eldercare/devices';
import { ElderEntity, RegionEntity } from '@eldercare/persistence';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DataSource } from 'typeorm';
import { ensureDemoAccounts } from './demo-accounts';
import type { DemoCity } from './demo-city';
import { ensureDemoCanteens } from './demo-canteens';
import { DEMO_PROVIDERS, ensureDemoHomeCare } from './demo-home-care';
import { ensureDemoMapLayers } from './demo-map';
import { ensureDemoTimeBank } from './demo-time-bank';
import { ensureDemoPairs } from './demo-pairs';
import { ensureDemoAdaptation } from './demo-adaptation';
import { ensureDemoCareBeds } from './demo-care-beds';

export interface DemoDeviceCredentials extends DeviceCredentials {
  /** The elder's key in the demo city: devices with the same household share a home and a daily routine. */
  household: string;
}

/**
 * Writes the demo city and its accounts into an empty database once and keeps the devices' secrets in a local file (demo only:
 * a real deployment hands each secret to the installer and never stores it), so the simulated fleet can log in.
 */
export class DemoSeeder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: DeviceRegistryService,
    private readonly credentialsFile: string,
  ) {}

  /** The fleet's credentials; undefined when the database was seeded elsewhere and its secrets are not here. */
  async ensure(city: DemoCity): Promise<DemoDeviceCredentials[] | undefined> {
    const credentials = await this.ensureCity(city);
    await ensureDemoAccounts(this.dataSource, async (keys) => {
      const rows: { elder_id: string }[] = await this.dataSource.query(
        `SELECT elder_id FROM devices WHERE id = ANY($1::text[])`,
        [keys.map((key) => `btn-${key}`)],
      );
      return rows.map((row) => row.elder_id);
    });
    await ensureDemoHomeCare(this.dataSource);
    await ensureDemoCanteens(this.dataSource);
    await ensureDemoMapLayers(
      this.dataSource,
      city,
      DEMO_PROVIDERS.map((provider) => provider.name),
    );
    await ensureDemoTimeBank(this.dataSource);
    await ensureDemoPairs(this.dataSource);
    await ensureDemoAdaptation(this.dataSource);
    await ensureDemoCareBeds(this.dataSource);
    return credentials;
  }

  private async ensureCity(city: DemoCity): Promise<DemoDeviceCredentials[] | undefined> {
    if ((await this.dataSource.getRepository(RegionEntity).count()) === 0) {
      const credentials = await this.seed(city);
      await mkdir(dirname(this.credentialsFile), { recursive: true });
      await writeFile(this.credentialsFile, JSON.stringify(credentials, null, 1), { mode: 0o600 });
      return credentials;
    }
    if (!existsSync(this.credentialsFile)) return undefined;
    return JSON.parse(await readFile(this.credentialsFile, 'utf8')) as DemoDeviceCredentials[];
  }

  private async seed(city: DemoCity): Promise<DemoDeviceCredentials[]> {
    const elderIds = await this.dataSource.transaction(async (manager) => {
      const regionIds = new Map<string, string>();
      for (const region of city.regions) {
        const saved = await manager.getRepository(RegionEntity).save({
          code: region.code,
          name: region.name,
          level: region.level,
          parentId: region.parentCode ? regionIds.get(region.parentCode)! : null,
        });
        regionIds.set(region.code, saved.id);
      }
      const elders = await manager.getRepository(ElderEntity).save(
        city.elders.map((elder) => ({
          name: elder.name,
          gender: elder.gender,
          birthDate: elder.birthDate,
          categories: elder.categories,
          communityId: regionIds.get(elder.communityCode)!,
          address: elder.address,
          idNumber: elder.idNumber,
          phone: elder.phone,
          keySafeCode: elder.keySafeCode,
          medicalNotes: elder.medicalNotes,
          emergencyContacts: elder.contacts,
          homeLat: elder.home.lat,
          homeLon: elder.home.lon,
        })),
        { chunk: 200 },
      );
      return new Map(city.elders.map((elder, index) => [elder.key, elders[index].id]));
    });

    const devices = city.elders.flatMap((elder) =>
      elder.devices.map((device) => ({ ...device, household: elder.key })),
    );
    const issued = await this.registry.register(
      devices.map(({ id, type, household }) => ({ id, type, elderId: elderIds.get(household)! })),
    );
    return issued.map((credentials, index) => ({
      ...credentials,
      type: devices[index].type,
      household: devices[index].household,
    }));
  }
}
