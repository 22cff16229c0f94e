export * from './errors.js';
export * from './locales.js';
export * from './messages/index.js';
export * from './pagination.js';
export * from './permissions.js';
export * from './phrases/index.js';
export * from './spreadsheet.js';
