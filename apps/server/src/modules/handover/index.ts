export type { HandoverContributor } from './handover.contract.js';
export { PREVIEW_LIMIT } from './handover.contract.js';
