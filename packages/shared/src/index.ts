export * from './auth.ts';
export * from './common.ts';
export * from './decisions.ts';
export * from './directory.ts';
export * from './errors.ts';
export * from './meetings.ts';
export * from './messages.ts';
export * from './values.ts';
