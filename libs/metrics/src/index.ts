export * from './platform-metrics';
export * from './metrics-access';
export * from './metrics-server';
export * from './metrics-endpoint.module';
