import { BedMatModel } from './bed-mat.model';
import { CallButtonModel } from './call-button.model';
import type { DeviceModel, DeviceModelOptions } from './device-model';
import type { GeoPoint } from './geo-point';
import type { DeviceType } from './protocol-shim';
import { WaterMeterModel } from './water-meter.model';
import { WearableModel } from './wearable.model';

/** What a household or fleet knows when it makes a model for any device type. */
export interface ElderDeviceModelOptions extends DeviceModelOptions {
  /** Seed of the elder's daily routine, shared by the devices of one household. */
  routineSeed: string;
  home: GeoPoint;
  /** Only the wearable reads it: whether the elder sleeps with the watch on. */
  wornAtNight?: boolean;
}

/** The behaviour model for a device of `type`. */
export function createDeviceModel(type: DeviceType, options: ElderDeviceModelOptions): DeviceModel {
  switch (type) {
    case 'call_button':
      return new CallButtonModel(options);
    case 'water_meter':
      return new WaterMeterModel(options);
    case 'wearable':
      return new WearableModel(options);
    case 'bed_mat':
      return new BedMatModel(options);
  }
}
