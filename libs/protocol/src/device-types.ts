/** Device types of protocol v1. STORED OUTSIDE THE CODE (registry rows, firmware): never rename. */
export const DEVICE_TYPES = ['call_button', 'water_meter', 'wearable', 'bed_mat'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** True when `value` is a protocol v1 device type (registry rows are text, so they are checked before use). */
export function isDeviceType(value: string): value is DeviceType {
  return (DEVICE_TYPES as readonly string[]).includes(value);
}
