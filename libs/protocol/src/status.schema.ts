import { z } from 'zod';

/**
 * The retained `status` payload: `{"online":true}` on connect, `{"online":false}` as the last will.
 * Nothing else is accepted, not even an extra field.
 */
export const statusSchema = z.strictObject({
  online: z.boolean().describe('True on connect; false is the last will the broker publishes when the device drops.'),
});

/** A device's connection state as it reported it. */
export type DeviceStatus = z.infer<typeof statusSchema>;
