import { z } from 'zod';
import { DEVICE_TYPES, isValidDeviceId, type DeviceType } from './protocol-shim';

/** What a registered device is issued: its id, its type and its secret (the MQTT password). */
export interface DeviceCredentials {
  deviceId: string;
  type: DeviceType;
  secret: string;
}

const credentialsListSchema = z
  .array(
    z.strictObject({
      deviceId: z.string().refine(isValidDeviceId, 'a device id is 3 to 64 characters of A-Z a-z 0-9 _ -'),
      type: z.enum(DEVICE_TYPES),
      secret: z.string().min(1),
    }),
  )
  .min(1, 'no devices listed')
  .refine((list) => new Set(list.map((entry) => entry.deviceId)).size === list.length, 'a device id is listed twice');

/**
 * Checks a parsed credentials file (`[{ "deviceId", "type", "secret" }, ...]`); throws an error
 * that names each bad entry.
 */
export function parseCredentials(value: unknown): DeviceCredentials[] {
  const result = credentialsListSchema.safeParse(value);
  if (!result.success) throw new Error(`bad credentials: ${z.prettifyError(result.error)}`);
  return result.data;
}
