export * from './bootstrap';
export * from './gateway.module';
export * from './gateway.options';
export * from './gateway-options.factory';
export * from './ingest/gateway-metrics';
