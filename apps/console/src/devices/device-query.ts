/** The device list's filters as the form holds them: empty means any. */
export interface DeviceFilters {
  type: string;
  /** `active`, `retired`, or empty for both. */
  status: string;
  regionId: string;
}

/** Retired devices are history: the list starts with the ones in service. */
export const NO_DEVICE_FILTERS: DeviceFilters = { type: '', status: 'active', regionId: '' };

export const DEVICE_PAGE_SIZE = 50;

/** The query string of `GET /api/devices`. */
export function deviceQuery(filters: DeviceFilters, offset: number, limit = DEVICE_PAGE_SIZE): string {
  const params = new URLSearchParams();
  for (const name of ['type', 'status', 'regionId'] as const) {
    if (filters[name] !== '') params.set(name, filters[name]);
  }
  params.set('offset', String(Math.max(0, Math.floor(offset))));
  params.set('limit', String(limit));
  return params.toString();
}

/** The query of one elder's devices, retired ones too: the elder page shows what they had. */
export function elderDevicesQuery(elderId: string): string {
  return new URLSearchParams({ elderId, offset: '0', limit: String(DEVICE_PAGE_SIZE) }).toString();
}
