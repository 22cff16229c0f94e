import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '../../db/client.js';
import { dayIn } from '../../lib/calendar-day.js';
import { sha256 } from '../../lib/tokens.js';
import { surveyAnswers, surveyInvitations, surveyQuestions, surveyResponses, surveys } from './surveys.tables.js';

export type SurveyDemoInput = {
  timeZone: string;
  /** Agents the customers dealt with (rated by the staff question), with their department. */
  agents: { id: string; name: string; departmentId: string | null }[];
  customerIds: string[];
  createdBy: string | null;
  now?: Date;
};

const REASONS = [
  { key: 'slow', label: '响应慢', labelEn: 'Slow response' },
  { key: 'attitude', label: '服务态度', labelEn: 'Attitude' },
  { key: 'unresolved', label: '问题未解决', labelEn: 'Not resolved' },
  { key: 'price', label: '收费问题', labelEn: 'Charges' },
];

/** NPS, CSAT, agent rating, reasons (on a low score), resolved?, text — forty answers, written by hand. */
const ANSWERS: [nps: number, csat: number, agent: number, reasons: string[], resolved: boolean, text: string][] = [
  [10, 5, 5, [], true, '师傅上门很准时，讲解也很耐心。'],
  [9, 5, 5, [], true, ''],
  [8, 4, 4, [], true, '整体不错，就是电话等了一会儿。'],
  [10, 5, 5, [], true, '客服小王态度特别好，点赞！'],
  [7, 4, 4, [], true, ''],
  [6, 3, 3, ['slow'], true, '处理时间有点长，跑了两趟。'],
  [9, 5, 4, [], true, ''],
  [3, 2, 2, ['unresolved', 'slow'], false, '空调修完第二天又不制冷了，希望尽快再来看看。'],
  [10, 5, 5, [], true, '非常专业，下次还找你们。'],
  [8, 4, 4, [], true, ''],
  [9, 4, 5, [], true, '回复很快。'],
  [5, 3, 3, ['price'], true, '上门费比预想的高，事先没说清楚。'],
  [10, 5, 5, [], true, ''],
  [7, 3, 4, [], true, '还可以，希望周末也能上门。'],
  [9, 5, 5, [], true, ''],
  [10, 5, 5, [], true, '一次就解决了，谢谢！'],
  [8, 4, 4, [], true, ''],
  [2, 1, 1, ['attitude', 'unresolved'], false, '接线员不耐烦，问题到现在也没解决。'],
  [9, 4, 4, [], true, ''],
  [10, 5, 5, [], true, '安装师傅把现场收拾得很干净。'],
  [6, 3, 4, ['slow'], true, '预约排得太晚了。'],
  [8, 4, 5, [], true, ''],
  [9, 5, 5, [], true, ''],
  [10, 4, 5, [], true, '服务周到。'],
  [7, 4, 3, [], true, ''],
  [9, 5, 5, [], true, '很满意。'],
  [4, 2, 3, ['unresolved'], false, '配件还要等一周，太久了。'],
  [10, 5, 5, [], true, ''],
  [8, 4, 4, [], true, '说明书讲得很清楚。'],
  [9, 5, 4, [], true, ''],
  [10, 5, 5, [], true, '老客户了，一直很放心。'],
  [7, 4, 4, [], true, ''],
  [9, 4, 5, [], true, ''],
  [0, 1, 2, ['attitude', 'price'], false, '收费不透明，要求给个说法。'],
  [8, 5, 4, [], true, ''],
  [10, 5, 5, [], true, '师傅很有经验，几分钟就找到问题。'],
  [9, 4, 4, [], true, ''],
  [6, 3, 3, ['slow'], true, '电话打了三次才接通。'],
  [10, 5, 5, [], true, ''],
  [9, 5, 5, [], true, '感谢及时回访。'],
];

const DAY_MS = 86_400_000;

/**
 * The demo survey 满意度回访 (sent after a ticket is closed) with forty answers spread over the
 * last two months, and a few invitations still open: the results page has figures per agent,
 * department and week from the first start. Tokens are random and not kept (no demo link works).
 */
export async function seedSurveysDemo(db: DbOrTx, input: SurveyDemoInput): Promise<void> {
  if (input.agents.length === 0 || input.customerIds.length === 0) return;
  const now = input.now ?? new Date();
  const [survey] = await db
    .insert(surveys)
    .values({
      name: '满意度回访',
      description: '感谢您选择我们的服务，占用您一分钟时间，请对本次服务进行评价。',
      trigger: 'ticket_closed',
      delayAfterCloseMinutes: 120,
      samplingRate: 1,
      expiryDays: 14,
      reminderAfterDays: 3,
      createdBy: input.createdBy,
      createdAt: new Date(now.getTime() - 70 * DAY_MS),
    })
    .returning();
  if (!survey) return;
  const questions = await db
    .insert(surveyQuestions)
    .values([
      {
        surveyId: survey.id,
        position: 1,
        kind: 'nps',
        title: '您有多大可能向亲友推荐我们？',
        titleEn: 'How likely are you to recommend us to friends?',
        required: true,
      },
      {
        surveyId: survey.id,
        position: 2,
        kind: 'csat',
        title: '您对本次服务的总体满意度',
        titleEn: 'Overall, how satisfied are you with this service?',
        required: true,
      },
      {
        surveyId: survey.id,
        position: 3,
        kind: 'staff_rating',
        title: '请为接待您的客服打分',
        titleEn: 'Rate the agent who served you',
        staffRole: 'agent',
      },
      {
        surveyId: survey.id,
        position: 4,
        kind: 'multiple',
        title: '如有不满意，主要原因是？',
        titleEn: 'If anything disappointed you, what was it?',
        options: REASONS,
      },
      {
        surveyId: survey.id,
        position: 5,
        kind: 'resolved',
        title: '您的问题解决了吗？',
        titleEn: 'Was your issue resolved?',
      },
      {
        surveyId: survey.id,
        position: 6,
        kind: 'text',
        title: '还有什么想对我们说的？',
        titleEn: 'Anything else you would like to tell us?',
      },
    ])
    .returning();
  const q = (kind: string) => questions.find((x) => x.kind === kind)?.id as string;
  for (const [i, [nps, csat, rating, reasons, resolved, text]] of ANSWERS.entries()) {
    const agent = input.agents[i % input.agents.length] as SurveyDemoInput['agents'][number];
    const customerId = input.customerIds[i % input.customerIds.length] as string;
    const sentAt = new Date(
      now.getTime() - (58 - Math.floor((i * 56) / ANSWERS.length)) * DAY_MS - (i % 5) * 3_600_000,
    );
    const answeredAt = new Date(sentAt.getTime() + ((i % 3) + 1) * 5 * 3_600_000);
    const staff = { agent: { userId: agent.id, name: agent.name } };
    const [invitation] = await db
      .insert(surveyInvitations)
      .values({
        surveyId: survey.id,
        tokenHash: sha256(randomBytes(24).toString('base64url')),
        customerId,
        channel: 'sms',
        staff,
        departmentId: agent.departmentId,
        status: 'answered',
        expiresAt: new Date(sentAt.getTime() + 14 * DAY_MS),
        sentAt,
        answeredAt,
        createdAt: sentAt,
      })
      .returning({ id: surveyInvitations.id });
    const [response] = await db
      .insert(surveyResponses)
      .values({
        surveyId: survey.id,
        invitationId: invitation?.id ?? null,
        customerId,
        departmentId: agent.departmentId,
        staff,
        npsScore: nps,
        csatScore: csat,
        submittedOn: dayIn(answeredAt, input.timeZone),
        submittedAt: answeredAt,
      })
      .returning({ id: surveyResponses.id });
    if (!response) continue;
    await db
      .insert(surveyAnswers)
      .values([
        { responseId: response.id, questionId: q('nps'), score: nps },
        { responseId: response.id, questionId: q('csat'), score: csat },
        { responseId: response.id, questionId: q('staff_rating'), score: rating, staffUserId: agent.id },
        ...(reasons.length > 0 ? [{ responseId: response.id, questionId: q('multiple'), choices: reasons }] : []),
        { responseId: response.id, questionId: q('resolved'), score: resolved ? 1 : 0 },
        ...(text ? [{ responseId: response.id, questionId: q('text'), text }] : []),
      ]);
  }
  // Eight invitations not (yet) answered: the response rate is 40 of 48.
  for (let i = 0; i < 8; i += 1) {
    const sentAt = new Date(now.getTime() - (50 - i * 6) * DAY_MS);
    const agent = input.agents[i % input.agents.length] as SurveyDemoInput['agents'][number];
    await db.insert(surveyInvitations).values({
      surveyId: survey.id,
      tokenHash: sha256(randomBytes(24).toString('base64url')),
      customerId: input.customerIds[(i * 7) % input.customerIds.length] as string,
      channel: 'sms',
      staff: { agent: { userId: agent.id, name: agent.name } },
      departmentId: agent.departmentId,
      status: sentAt.getTime() + 14 * DAY_MS < now.getTime() ? 'expired' : 'sent',
      expiresAt: new Date(sentAt.getTime() + 14 * DAY_MS),
      sentAt,
      createdAt: sentAt,
    });
  }
}
