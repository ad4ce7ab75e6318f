// The protocol without its encoders, which build Node Buffers: what a browser program (the console, through the
// domain and the contracts) may load. The index adds the encoders.
export * from './topics';
export * from './device-types';
export * from './limits';
export * from './uplink-kinds';
export * from './refusal';
export { ENVELOPE_FIELDS, msgIdSchema, tsSchema } from './envelope.schema';
export * from './uplink.schema';
export * from './status.schema';
export * from './downlink.schema';
export * from './decode-uplink';
export * from './validate-uplink';
export * from './decode-status';
export * from './downlink-builders';
export * from './json-schema';
