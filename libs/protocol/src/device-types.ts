/** Device types of protocol v1. STORED OUTSIDE THE CODE (registry rows, firmware): never rename. */
export const DEVICE_TYPES = ['call_button', 'water_meter', 'wearable'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];
