import type { DeviceInput, DevicePage, RegisteredDevice } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

/** `query` is a ready query string (see `deviceQuery`). */
export function searchDevices(http: HttpClient, query: string): Promise<DevicePage> {
  return http.get<DevicePage>(`/api/devices?${query}`);
}

/** The answer holds the device's secret: this is the only time anyone sees it. */
export function registerDevice(http: HttpClient, input: DeviceInput): Promise<RegisteredDevice> {
  return http.post<RegisteredDevice>('/api/devices', input);
}

export function retireDevice(http: HttpClient, deviceId: string): Promise<void> {
  return http.post<void>(`/api/devices/${encodeURIComponent(deviceId)}/retire`);
}
