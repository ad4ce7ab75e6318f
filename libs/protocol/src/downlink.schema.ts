import { z } from 'zod';
import { msgIdSchema } from './envelope.schema';

/**
 * States an `ack` reports for an `sos` or `fall`.
 * STORED OUTSIDE THE CODE: firmware shows or speaks them. Never rename.
 */
export const ACK_STATES = ['received', 'help-coming', 'resolved'] as const;
/** Where the platform is with an alert, as the device is told. */
export type AckState = (typeof ACK_STATES)[number];

/** Longest `reason` in a `rejected` downlink: the refusal code, `: `, and a capped detail fit well within it. */
export const MAX_REASON_CHARS = 256;

const interval = z.number().int().min(1);
const downlinkMsgId = msgIdSchema.describe('Unique per downlink; a redelivery carries the same msgId.');

const ackDownlinkSchema = z
  .strictObject({
    msgId: downlinkMsgId,
    kind: z.literal('ack'),
    ref: msgIdSchema.describe('The msgId of the sos or fall uplink.'),
    state: z.enum(ACK_STATES).describe('received: stored; help-coming: an operator acknowledged; resolved: closed.'),
  })
  .meta({ description: 'Progress of an sos or fall; the device shows or speaks it.' });

const rejectedDownlinkSchema = z
  .strictObject({
    msgId: downlinkMsgId,
    kind: z.literal('rejected'),
    ref: msgIdSchema.optional().describe('The msgId of the refused uplink, when one could be read.'),
    reason: z.string().min(1).max(MAX_REASON_CHARS).describe('`<refusal code>: <detail>`; the device may log it.'),
  })
  .meta({ description: 'The uplink was refused.' });

const CONFIG_FIELDS = ['heartbeatSec', 'reportSec'] as const;
const configDownlinkSchema = z
  .strictObject({
    msgId: downlinkMsgId,
    kind: z.literal('config'),
    heartbeatSec: interval.optional().describe('Seconds between heartbeats.'),
    reportSec: interval.optional().describe('Seconds between readings.'),
  })
  .refine(
    (value) => CONFIG_FIELDS.some((name) => value[name] !== undefined),
    'at least one of heartbeatSec, reportSec is required',
  )
  .meta({ description: 'New intervals for the device.', anyOf: CONFIG_FIELDS.map((name) => ({ required: [name] })) });

/** Every downlink of protocol v1, strict and discriminated by `kind`, so simulators can check what they receive. */
export const downlinkSchema = z.discriminatedUnion('kind', [
  ackDownlinkSchema,
  rejectedDownlinkSchema,
  configDownlinkSchema,
]);

/** Progress of an `sos` or `fall`, referring to its `msgId`. */
export type AckDownlink = z.infer<typeof ackDownlinkSchema>;
/** The answer to a refused uplink. */
export type RejectedDownlink = z.infer<typeof rejectedDownlinkSchema>;
/** New reporting intervals. */
export type ConfigDownlink = z.infer<typeof configDownlinkSchema>;
/** Any downlink, discriminated by `kind`. */
export type Downlink = z.infer<typeof downlinkSchema>;
