export * from './browser';
export * from './encode-uplink';
export * from './downlink-codec';
