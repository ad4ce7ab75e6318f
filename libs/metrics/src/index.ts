export * from './platform-metrics';
export * from './metrics-server';
export * from './metrics-endpoint.module';
