import { expect } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../test/helpers.js';
import type { Config } from '../../config/config.js';
import { createDepartment, createUser } from '../../db/seed/factories.js';

/** NPS + CSAT + staff rating + reasons + resolved + free text: every kind of question. */
export const SATISFACTION_QUESTIONS = [
  {
    kind: 'nps',
    title: '您向亲友推荐我们的可能性有多大？',
    titleEn: 'How likely are you to recommend us?',
    required: true,
  },
  { kind: 'csat', title: '您对本次服务满意吗？', titleEn: 'How satisfied are you with this service?', required: true },
  { kind: 'staff_rating', title: '请为服务人员打分', titleEn: 'Rate the person who served you', staffRole: 'agent' },
  {
    kind: 'multiple',
    title: '不满意的原因',
    titleEn: 'What went wrong?',
    options: [
      { key: 'slow', label: '响应慢', labelEn: 'Slow' },
      { key: 'attitude', label: '态度不好', labelEn: 'Attitude' },
      { key: 'quality', label: '质量问题', labelEn: 'Quality' },
    ],
  },
  { kind: 'resolved', title: '问题解决了吗？', titleEn: 'Was it resolved?' },
  { kind: 'text', title: '其他意见', titleEn: 'Anything else?' },
];

export type SurveyFixture = {
  t: TestApp;
  admin: Session;
  /** Department managers of two departments (scope `department`): surveys.manage + surveys.report. */
  managerA: Session;
  managerB: Session;
  agentA: Session;
  departmentA: string;
  /** A customer of department A (owned by agentA). */
  customerA: string;
};

export async function surveyFixture(config: Partial<Config> = {}): Promise<SurveyFixture> {
  const t = await createTestApp({ config });
  const db = t.database.db;
  const a = await createDepartment(db, { name: '客服中心' });
  const b = await createDepartment(db, { name: '华东门店' });
  await createUser(db, { username: 'mgra', displayName: '王经理', roleKey: 'department_manager', departmentId: a.id });
  await createUser(db, { username: 'mgrb', displayName: '赵经理', roleKey: 'department_manager', departmentId: b.id });
  await createUser(db, { username: 'agenta', displayName: '李客服', roleKey: 'agent', departmentId: a.id });
  const agentA = await t.signIn('agenta');
  const c = await agentA.post('/api/v1/customers', { kind: 'person', name: '陈女士', phone: '13812345678' });
  expect(c.statusCode, c.body).toBe(201);
  return {
    t,
    admin: await t.signIn('admin'),
    managerA: await t.signIn('mgra'),
    managerB: await t.signIn('mgrb'),
    agentA,
    departmentA: a.id,
    customerA: c.json().id,
  };
}

/** Creates a survey as `s` and returns it (ids of the survey and its questions by kind). */
export async function createSurvey(s: Session, body: Record<string, unknown> = {}) {
  const r = await s.post('/api/v1/surveys', { name: '满意度回访', questions: SATISFACTION_QUESTIONS, ...body });
  expect(r.statusCode, r.body).toBe(201);
  const survey = r.json() as { id: string; questions: { id: string; kind: string }[] };
  const q = (kind: string) => survey.questions.find((x) => x.kind === kind)?.id as string;
  return { id: survey.id, survey, q };
}

/** A link for the survey; returns the token. */
export async function invite(s: Session, surveyId: string, body: Record<string, unknown> = {}) {
  const r = await s.post(`/api/v1/surveys/${surveyId}/invitations`, { channel: 'link', ...body });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; token: string; url: string; expiresAt: string };
}

/** A public call: no cookie, no CSRF header. */
export function publicCall(t: TestApp, method: 'GET' | 'POST', url: string, payload?: object | string, headers = {}) {
  return t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
}
