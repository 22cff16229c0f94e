export { departmentManagerSql, departmentNameSql, departmentParentSql } from './departments.lookups.js';
export { findDepartmentRow, responsibleManager } from './departments.repository.js';
