import { and, eq, inArray, sql } from 'drizzle-orm';
import { inOrder } from '../../lib/in-order.js';
import { gradeFor, totalScore } from '../../modules/customers/grading/grading.scoring.js';
import type { DbOrTx } from '../client.js';
import {
  customerEvaluations,
  customerGradeHistory,
  customers,
  customerTimeline,
  evaluationCriteria,
  evaluationRounds,
  gradeBands,
  users,
} from '../schema/index.js';

const ROUND = {
  name: '2026年第三季度客户等级评定',
  periodStart: '2026-07-01',
  periodEnd: '2026-09-30',
  createdAt: new Date('2026-10-01T06:00:00+08:00'),
  closedAt: new Date('2026-10-20T18:00:00+08:00'),
};

/** Scores per criterion (business importance, market influence, payment timeliness, satisfaction). */
const EVALUATIONS: { customer: string; scores: [number, number, number, number]; at: string; comment: string }[] = [
  {
    customer: '上海华信医疗器械有限公司',
    scores: [92, 88, 85, 90],
    at: '2026-10-09T10:30:00+08:00',
    comment: '年度采购额稳定增长，回款及时，继续保持 A 级服务。',
  },
  {
    customer: '南京恒通电子科技有限公司',
    scores: [90, 85, 80, 90],
    at: '2026-10-12T15:00:00+08:00',
    comment: '第三季度新增两个代理区域，业务重要性明显提升，升为 A 级；需补充第二名对接人员。',
  },
  {
    customer: '广州喜临门婚纱摄影有限公司',
    scores: [75, 70, 72, 80],
    at: '2026-10-13T11:00:00+08:00',
    comment: '合作门店由 2 家增至 4 家，投诉率下降，升为 B 级。',
  },
  {
    customer: '成都锦程旅行社有限公司',
    scores: [65, 60, 50, 70],
    at: '2026-10-14T16:20:00+08:00',
    comment: '两笔款项逾期超过 30 天，回款及时性扣分，降为 C 级，下季度复评。',
  },
  {
    customer: '武汉楚天保险代理有限公司',
    scores: [45, 50, 40, 60],
    at: '2026-10-15T09:45:00+08:00',
    comment: '业务量小，维持 D 级。',
  },
];

/** Before the round, as if given at the previous quarter's evaluation. */
const INITIAL_GRADES_AT = new Date('2026-04-08T10:00:00+08:00');

/**
 * A closed quarterly round with five evaluations of demo customers: two grades go up (B→A, C→B),
 * one down (B→C), two stay. 南京恒通 becomes A with a single staff contact, so it shows in the
 * key-staff-shortfall report.
 */
export async function seedDemoGrading(db: DbOrTx): Promise<void> {
  const [criteria, bands, people] = await inOrder([
    db.select().from(evaluationCriteria),
    db.select().from(gradeBands),
    db
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(inArray(users.username, ['lijing', 'zhangwei'])),
  ]);
  const idOf = new Map(people.map((p) => [p.username, p.id]));
  const keys = ['business_importance', 'market_influence', 'payment_timeliness', 'satisfaction'];
  const evaluator = idOf.get('zhangwei') ?? null;

  const [round] = await db
    .insert(evaluationRounds)
    .values({ ...ROUND, status: 'closed', createdBy: idOf.get('lijing') ?? null })
    .returning({ id: evaluationRounds.id });
  if (!round) return;

  for (const e of EVALUATIONS) {
    const [customer] = await db
      .select({ id: customers.id, grade: customers.grade })
      .from(customers)
      .where(eq(customers.name, e.customer))
      .limit(1);
    if (!customer) continue;
    const scores = Object.fromEntries(keys.map((k, i) => [k, e.scores[i] as number]));
    const total = totalScore(criteria, scores);
    const grade = gradeFor(total, bands);
    const at = new Date(e.at);
    await db
      .update(customerGradeHistory)
      .set({ changedAt: INITIAL_GRADES_AT })
      .where(and(eq(customerGradeHistory.customerId, customer.id), eq(customerGradeHistory.reason, 'initial')));
    const [evaluation] = await db
      .insert(customerEvaluations)
      .values({
        roundId: round.id,
        customerId: customer.id,
        scores,
        totalScore: total.toFixed(2),
        gradeBefore: customer.grade,
        gradeAfter: grade,
        comment: e.comment,
        evaluatedBy: evaluator,
        evaluatedAt: at,
      })
      .returning({ id: customerEvaluations.id });
    if (!evaluation) continue;
    const changed = customer.grade !== grade;
    if (changed) {
      await db
        .update(customers)
        .set({ grade, version: sql`${customers.version} + 1` })
        .where(eq(customers.id, customer.id));
      await db.insert(customerGradeHistory).values({
        customerId: customer.id,
        gradeBefore: customer.grade,
        gradeAfter: grade,
        evaluationId: evaluation.id,
        reason: 'evaluation',
        changedBy: evaluator,
        changedAt: at,
      });
    }
    await db.insert(customerTimeline).values({
      customerId: customer.id,
      at,
      kind: 'evaluation',
      title: changed ? 'customer.grade_changed' : 'customer.evaluated',
      body: ROUND.name,
      actorId: evaluator,
      before: { grade: customer.grade },
      after: { grade, totalScore: total, scores },
      refType: 'evaluation',
      refId: evaluation.id,
    });
  }
}
