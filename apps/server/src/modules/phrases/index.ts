export { checkReply, recordOverride } from './phrases.service.js';
