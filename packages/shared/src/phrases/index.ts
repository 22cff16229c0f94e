export * from './canned.js';
export * from './matcher.js';
export * from './normalize.js';
