// The part of the protocol a browser can load: the plain tables, and the message types without the zod schemas
// that make them and the codecs that use Node's Buffer. The console's `@eldercare/protocol` alias points here.
export * from './device-types';
export * from './topics';
export * from './limits';
export * from './uplink-kinds';
export type * from './uplink.schema';
export type * from './status.schema';
export type * from './downlink.schema';
