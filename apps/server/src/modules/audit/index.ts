export { recordAudit } from './audit.service.js';
