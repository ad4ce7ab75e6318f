export * from './roles';
export * from './alert-view';
export * from './alert-case';
export * from './socket-events';
export * from './registry';
export * from './care-calls';
export * from './home-care';
export * from './time-bank';
