export { roleDataScopeSql, roleNameSql, rolePermissionsSql } from './roles.lookups.js';
export { ADMIN_ROLE, excessOf, isAdministrator } from './roles.policy.js';
export { findRoleRow, roleGrants } from './roles.repository.js';
