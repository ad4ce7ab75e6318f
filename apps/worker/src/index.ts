export * from './bootstrap';
export * from './worker.module';
export * from './worker.options';
export * from './device-events/device-events.processor';
