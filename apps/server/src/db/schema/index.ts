export * from './audit.js';
export * from './auth.js';
export * from './organisation.js';
export * from './system.js';
export * from './customers.js';
export * from './grading.js';
export * from './views.js';
