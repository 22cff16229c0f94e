export {
  findUserById,
  findUserByUsername,
  findUserInScope,
  updateLoginState,
  updatePasswordHash,
} from './sign-in.repository.js';
export {
  actorView,
  departmentMemberCountSql,
  isActiveUserSql,
  knownUserNameSql,
  roleMemberCountSql,
  userActiveSql,
  userDepartmentSql,
  userNameSql,
  userPhoneSql,
  userSuperiorSql,
  usersWithPermissionSql,
} from './users.lookups.js';
export { assertMayManage, assertNotLastAdmin } from './users.policy.js';
export {
  findActiveUserIdsWithRole,
  findActiveUserLocales,
  findActiveUsersByNames,
  findAuthority,
  findPartiesInScope,
  findUserRow,
  findUsersWithPermissions,
  findUserView,
  isActiveUser,
  type Party,
  updateUser,
} from './users.repository.js';
