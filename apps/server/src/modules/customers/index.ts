export {
  type ContactMatch,
  customerContactPoints,
  findCustomerByContact,
  findCustomersByPhones,
} from './archive/contact.lookups.js';
export { customerCodeSql, customerNameSql } from './archive/customers.lookups.js';
export type { StaffRole } from './archive/customers.repository.js';
export {
  type CustomerFilter,
  contactOfCustomer,
  customerIdsMatchingSql,
  customerScope,
  customerVisibleSql,
  customerVisibleTo,
} from './archive/customers.repository.js';
export { normalisePhone } from './archive/customers.rules.js';
export { CustomerListFilterSchema } from './archive/customers.schemas.js';
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
export { GRADES, type Grade } from './customers.tables.js';
/** The customer's grade at an instant (the last grade change at or before it), for the grade at a ticket's creation. */
export { gradeAt } from './grading/grading.repository.js';
export { activeMilestoneTypeKeys, listAllMilestoneFacts } from './records/milestones.service.js';
export { auditCustomerList, auditCustomerView } from './records/read-audit.js';
export { customerTimelineEntries } from './records/timeline.lookups.js';
export type { TimelineInsert } from './records/timeline.repository.js';
export { insertTimelineEntries } from './records/timeline.repository.js';
