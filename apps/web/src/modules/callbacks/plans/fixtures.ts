/** Test fixtures: plans and a campaign as the API answers them (unit and render tests). */
import type { CallbackCampaign, CallbackPlan, CallbackPlanStep } from './types';

export function step(position: number, over: Partial<CallbackPlanStep> = {}): CallbackPlanStep {
  return {
    id: `00000000-0000-4000-8000-00000000000${position}`,
    position,
    milestoneTypeKey: null,
    offsetDays: 1,
    dayKind: 'calendar',
    channel: 'call',
    altChannel: null,
    fixedDate: false,
    purpose: `purpose ${position}`,
    script: null,
    ...over,
  };
}

export function plan(id: string, over: Partial<CallbackPlan> = {}): CallbackPlan {
  return {
    id,
    templateKey: null,
    name: `plan ${id}`,
    nameEn: null,
    description: null,
    trigger: 'ticket_closed',
    milestoneTypeKey: null,
    ticketTypeKeys: [],
    departmentId: null,
    isActive: true,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    steps: [step(1)],
    pendingCount: 0,
    ...over,
  };
}

export const studio = plan('studio', {
  templateKey: 'studio',
  name: '影楼客户回访计划',
  nameEn: 'Studio customer callbacks',
  trigger: 'milestone',
  milestoneTypeKey: 'booking',
  steps: [
    step(1, { milestoneTypeKey: 'booking', purpose: '预订回访' }),
    step(2, { milestoneTypeKey: 'shoot', purpose: '拍摄回访' }),
    step(3, { milestoneTypeKey: 'wedding_day', offsetDays: 0, fixedDate: true, altChannel: 'sms', purpose: '祝福' }),
  ],
  pendingCount: 4,
});

export const fieldVisit = plan('field', {
  templateKey: 'field_visit',
  name: '上门服务回访',
  nameEn: 'Callback after a field visit',
  trigger: 'field_visit',
  ticketTypeKeys: ['service'],
  steps: [step(1, { offsetDays: 2, dayKind: 'working', purpose: '电话确认上门服务效果' })],
});

export function campaign(over: Partial<CallbackCampaign> = {}): CallbackCampaign {
  return {
    id: 'c1',
    name: '重点客户年中回访',
    filter: { grade: 'A,B', isKey: true },
    planId: 'p1',
    planName: '重点客户年中回访',
    customerCount: 120,
    callbackCount: 118,
    createdBy: 'u1',
    createdByName: '周主管',
    createdAt: '2026-06-01T02:00:00.000Z',
    counts: { pending: 40, done: 70, unreached: 8, cancelled: 2, unassigned: 3 },
    ...over,
  };
}
