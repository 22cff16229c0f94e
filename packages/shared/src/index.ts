export * from './errors.js';
export * from './locales.js';
export * from './permissions.js';
export * from './pagination.js';
