/** Callbacks as the server returns them, for the render tests. */
import type { CallbackDetail, CallbackItem } from './callbackTypes';

/** A callback as the server lists it (overrides per test). */
export function callbackItem(over: Partial<CallbackItem> = {}): CallbackItem {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    customer: { id: '00000000-0000-4000-8000-0000000000c1', name: '张晓雨' },
    sourceKind: 'milestone',
    sourceLabel: '客户节点',
    sourceId: null,
    planId: null,
    campaignId: null,
    channel: 'call',
    channelLabel: '电话',
    purpose: '拍摄后回访：了解拍摄体验',
    status: 'pending',
    statusLabel: '待回访',
    assignee: { id: '00000000-0000-4000-8000-0000000000a1', displayName: '孙丽' },
    dueDate: '2026-12-07',
    scheduledAt: '2026-12-07T01:00:00.000Z',
    dueAt: '2026-12-07T01:00:00.000Z',
    deadlineAt: '2026-12-09T16:00:00.000Z',
    overdue: false,
    attempts: 0,
    reached: null,
    needsWriteUp: false,
    completedAt: null,
    complaintTicketId: null,
    ...over,
  };
}

export function callbackDetail(over: Partial<CallbackDetail> = {}): CallbackDetail {
  return {
    ...callbackItem(),
    script: '您好，我是影楼客服孙丽。想了解一下您这次拍摄的体验……',
    satisfaction: null,
    opinion: null,
    staffRatings: null,
    customerQuietWindows: null,
    writeUp: null,
    attemptLog: [],
    history: [],
    contacts: [],
    ...over,
  };
}
