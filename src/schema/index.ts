export * from './command.ts';
export * from './date.ts';
export * from './ids.ts';
export * from './reference.ts';
export * from './runbook.ts';
export * from './section.ts';
export * from './signoff.ts';
export * from './step.ts';
