import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { departments } from '../schema/index.js';
import { createDepartment, createUser } from './factories.js';

export const DEMO_PASSWORD = 'Kefu@2026';

export type DemoLogin = { username: string; displayName: string; role: string; department: string };

/** The demo people, in reporting order: a superior comes before the people who report to them. */
export const DEMO_LOGINS: (DemoLogin & { superior?: string })[] = [
  { username: 'wangjianguo', displayName: '王建国', role: 'general_manager', department: '总经理办公室' },
  {
    username: 'lijing',
    displayName: '李静',
    role: 'department_manager',
    department: '客户服务中心',
    superior: 'wangjianguo',
  },
  { username: 'hexue', displayName: '何雪', role: 'assistant', department: '综合管理组', superior: 'lijing' },
  { username: 'xuting', displayName: '许婷', role: 'clerk', department: '综合管理组', superior: 'hexue' },
  { username: 'malin', displayName: '马琳', role: 'front_desk', department: '综合管理组', superior: 'hexue' },
  { username: 'zhangwei', displayName: '张伟', role: 'supervisor', department: '热线组', superior: 'lijing' },
  { username: 'wangfang', displayName: '王芳', role: 'agent', department: '热线组', superior: 'zhangwei' },
  { username: 'liuyang', displayName: '刘洋', role: 'agent', department: '热线组', superior: 'zhangwei' },
  { username: 'chenchen', displayName: '陈晨', role: 'agent', department: '热线组', superior: 'zhangwei' },
  { username: 'zhaomin', displayName: '赵敏', role: 'supervisor', department: '回访组', superior: 'lijing' },
  { username: 'sunli', displayName: '孙丽', role: 'callback_specialist', department: '回访组', superior: 'zhaomin' },
  { username: 'zhoujie', displayName: '周杰', role: 'callback_specialist', department: '回访组', superior: 'zhaomin' },
  { username: 'wuqiang', displayName: '吴强', role: 'supervisor', department: '现场服务组', superior: 'lijing' },
  { username: 'zhenghao', displayName: '郑浩', role: 'field_engineer', department: '现场服务组', superior: 'wuqiang' },
  { username: 'fenglei', displayName: '冯磊', role: 'field_engineer', department: '现场服务组', superior: 'wuqiang' },
];

const TREE: { name: string; parent?: string; sortOrder: number }[] = [
  { name: '总经理办公室', sortOrder: 1 },
  { name: '客户服务中心', sortOrder: 2 },
  { name: '热线组', parent: '客户服务中心', sortOrder: 1 },
  { name: '回访组', parent: '客户服务中心', sortOrder: 2 },
  { name: '现场服务组', parent: '客户服务中心', sortOrder: 3 },
  { name: '综合管理组', parent: '客户服务中心', sortOrder: 4 },
];

const MANAGERS: Record<string, string> = {
  总经理办公室: 'wangjianguo',
  客户服务中心: 'lijing',
  热线组: 'zhangwei',
  回访组: 'zhaomin',
  现场服务组: 'wuqiang',
  综合管理组: 'hexue',
};

/** The demo organisation of a customer-service centre: departments, people, reporting lines. */
export async function seedDemoOrganisation(db: DbOrTx): Promise<void> {
  const departmentIds = new Map<string, string>();
  for (const node of TREE) {
    const row = await createDepartment(db, {
      name: node.name,
      parentId: node.parent ? departmentIds.get(node.parent) : null,
      sortOrder: node.sortOrder,
    });
    departmentIds.set(node.name, row.id);
  }
  const userIds = new Map<string, string>();
  for (const person of DEMO_LOGINS) {
    const user = await createUser(db, {
      username: person.username,
      displayName: person.displayName,
      roleKey: person.role,
      departmentId: departmentIds.get(person.department),
      superiorId: person.superior ? userIds.get(person.superior) : null,
      email: `${person.username}@demo.kefu.local`,
      password: DEMO_PASSWORD,
    });
    userIds.set(person.username, user.id);
  }
  for (const [department, manager] of Object.entries(MANAGERS)) {
    const id = departmentIds.get(department);
    if (id)
      await db
        .update(departments)
        .set({ managerId: userIds.get(manager) })
        .where(eq(departments.id, id));
  }
}
