export * from './bootstrap';
export * from './worker.module';
export * from './worker.options';
export * from './rules/rule-engine.service';
export * from './home-care/work-order-generator';
export * from './home-care/missed-visit-sweeper';
export * from './time-bank/abandoned-request-releaser';
export * from './risk-visits/overdue-visit-sweeper';
