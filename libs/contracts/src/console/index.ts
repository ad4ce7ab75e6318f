export * from './roles';
export * from './alert-view';
export * from './alert-case';
export * from './socket-events';
