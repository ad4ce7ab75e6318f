export * from './bootstrap';
export * from './worker.module';
export * from './worker.options';
export * from './rules/rule-engine.service';
