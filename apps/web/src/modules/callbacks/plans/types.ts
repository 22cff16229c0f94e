/** Callback plans and campaigns, derived from the API's paths (never typed twice). */
import type { BodyOf, ResponseOf } from '../../../api/types';

export type CallbackPlan = ResponseOf<'/api/v1/callback-plans/{id}', 'get'>;
export type CallbackPlanStep = CallbackPlan['steps'][number];
export type CallbackPlanBody = BodyOf<'/api/v1/callback-plans', 'post'>;
export type CallbackPlanPatch = BodyOf<'/api/v1/callback-plans/{id}', 'patch'>;
export type CallbackStepBody = CallbackPlanBody['steps'][number];
export type CallbackCampaign = ResponseOf<'/api/v1/callback-campaigns', 'get'>['items'][number];
export type CallbackCampaignBody = BodyOf<'/api/v1/callback-campaigns', 'post'>;
export type CampaignFilter = NonNullable<CallbackCampaignBody['filter']>;

export type PlanTrigger = CallbackPlan['trigger'];
export type CallbackChannel = CallbackPlanStep['channel'];
export type DayKind = CallbackPlanStep['dayKind'];

/** The triggers a manager edits here (campaign plans belong to campaigns, low-score follow-ups to surveys). */
export const EDITABLE_TRIGGERS = [
  'milestone',
  'ticket_closed',
  'field_visit',
] as const satisfies readonly PlanTrigger[];
export type EditableTrigger = (typeof EDITABLE_TRIGGERS)[number];
export const CHANNELS = ['call', 'sms', 'wechat'] as const satisfies readonly CallbackChannel[];
export const DAY_KINDS = ['calendar', 'working'] as const satisfies readonly DayKind[];
