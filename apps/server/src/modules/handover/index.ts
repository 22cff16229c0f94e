export type { HandoverContributor } from './handover.contributors.js';
export { PREVIEW_LIMIT } from './handover.contributors.js';
