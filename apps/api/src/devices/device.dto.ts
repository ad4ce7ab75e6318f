import { DEVICE_ID_PATTERN, DEVICE_TYPES } from '@eldercare/protocol';
import { z } from 'zod';
import { zodDto } from '../http/zod-dto';

export class DeviceSearchQuery extends zodDto(
  z.strictObject({
    elderId: z.uuid().optional(),
    /** A region at any level. */
    regionId: z.uuid().optional(),
    status: z.enum(['active', 'retired']).optional(),
    type: z.enum(DEVICE_TYPES).optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
) {}

export class RegisterDeviceRequest extends zodDto(
  z.strictObject({
    /** As printed on the device: it names the device's broker account and topics, so it never changes. */
    id: z.string().trim().regex(DEVICE_ID_PATTERN, 'must be 3 to 64 characters of A-Z a-z 0-9 _ -'),
    type: z.enum(DEVICE_TYPES),
    elderId: z.uuid(),
  }),
) {}
