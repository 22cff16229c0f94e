export { customerCodeSql, customerNameSql } from './archive/customers.lookups.js';
export type { StaffRole } from './archive/customers.repository.js';
export { contactOfCustomer, customerScope, customerVisibleTo } from './archive/customers.repository.js';
export { normalisePhone } from './archive/customers.rules.js';
export {
  bumpCustomerVersions,
  listNoticeTargets,
  moveOwnedCustomers,
  moveStaffRoles,
  previewKeyCustomersShortOfStaff,
  previewOwnedCustomers,
  previewStaffRoles,
  STAFF_ROLE_STRENGTH,
} from './archive/handover.repository.js';
export { auditCustomerView } from './records/read-audit.js';
export type { TimelineInsert } from './records/timeline.repository.js';
export { insertTimelineEntries } from './records/timeline.repository.js';
