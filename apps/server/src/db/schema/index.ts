export * from './audit.js';
export * from './auth.js';
export * from './organisation.js';
export * from './system.js';
