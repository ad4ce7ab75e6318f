import { z } from 'zod';
import { DEVICE_TYPES } from './device-types';
import { downlinkSchema } from './downlink.schema';
import { statusSchema } from './status.schema';
import { alarmSchemas, uplinkSchemas } from './uplink.schema';
import { MAX_UPLINK_BYTES } from './limits';

// Rules the zod schemas enforce that JSON Schema cannot carry, said in words instead.
const PAYLOAD_NOTE = `One UTF-8 JSON object of at most ${MAX_UPLINK_BYTES} bytes, without a byte-order mark.`;
const MSG_ID_NOTE = 'msgId must also be well-formed Unicode (no lone surrogate escapes such as \\ud800).';

function exportSchema(schema: z.ZodType, title: string, description: string): object {
  // 'input' describes what a device sends, which is what firmware makers need; the schemas have no transforms, so
  // it is also what the platform keeps. 'throw' makes a rule JSON Schema cannot carry fail here, not go missing.
  return {
    ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'throw' }),
    title,
    description,
  };
}

/**
 * JSON Schemas (draft 2020-12) of protocol v1 for firmware makers, generated from the same zod schemas the
 * gateway runs, keyed by name: `uplink.<device type>`, `alarm.<device type>` (those that send alarms), `status`,
 * `downlink`.
 */
export function protocolJsonSchemas(): Record<string, object> {
  const uplinks = Object.fromEntries(
    DEVICE_TYPES.map((type) => [
      `uplink.${type}`,
      exportSchema(
        uplinkSchemas[type],
        `Protocol v1 uplink from a ${type}`,
        `Published to eldercare/v1/devices/{deviceId}/up. ${PAYLOAD_NOTE} ${MSG_ID_NOTE}`,
      ),
    ]),
  );
  const alarms = Object.fromEntries(
    Object.entries(alarmSchemas).map(([type, schema]) => [
      `alarm.${type}`,
      exportSchema(
        schema,
        `Protocol v1 alarm from a ${type}`,
        `Published to eldercare/v1/devices/{deviceId}/alarm: the same envelope as on up, sos, fall and cancel only, so that the broker queues alarms apart from readings. ${PAYLOAD_NOTE} ${MSG_ID_NOTE}`,
      ),
    ]),
  );
  return {
    ...uplinks,
    ...alarms,
    status: exportSchema(
      statusSchema,
      'Protocol v1 device status',
      `Published retained to eldercare/v1/devices/{deviceId}/status: {"online":true} on connect, {"online":false} as the last will. ${PAYLOAD_NOTE}`,
    ),
    downlink: exportSchema(
      downlinkSchema,
      'Protocol v1 downlink',
      `Received on eldercare/v1/devices/{deviceId}/down, QoS 1. ${MSG_ID_NOTE}`,
    ),
  };
}

// Keys are sorted so the files only change when a rule does, not when zod changes the order it emits them in.
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

/** The schema files as written to `docs/protocol/`: `<name>.schema.json` to its exact text. */
export function renderJsonSchemaFiles(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(protocolJsonSchemas()).map(([name, schema]) => [
      `${name}.schema.json`,
      `${JSON.stringify(sortKeys(schema), null, 2)}\n`,
    ]),
  );
}
