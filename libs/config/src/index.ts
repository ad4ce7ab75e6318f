export * from './config.schema';
export * from './load-config';
export * from './logger';
export * from './require-setting';
