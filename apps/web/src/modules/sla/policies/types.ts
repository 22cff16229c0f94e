import type { ResponseOf } from '../../../api/types';

/** SLA admin types: the generated API's (policies, matrix, ladders, settings) and their enums. */
export const METRICS = ['first_response', 'next_reply', 'resolution', 'promised_reply', 'team_handling'] as const;
export type Metric = (typeof METRICS)[number];
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];
export type TimeBasis = 'business' | 'calendar';
export const PAUSE_REASONS = ['waiting_customer', 'waiting_third_party', 'feedback'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];
export const CHANNELS = ['in_app', 'email', 'robot', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export type Policy = ResponseOf<'/api/v1/sla/policies', 'get'>['items'][number];
/** A policy as the form writes it (create takes the same fields, every match column nullable). */
export type PolicyBody = Omit<Policy, 'id' | 'name' | 'version'>;

export type Ladder = ResponseOf<'/api/v1/sla/ladders', 'get'>['items'][number];
export type LadderLevel = Ladder['levels'][number];
export type LadderRecipient = LadderLevel['recipients'][number];
export type LadderBody = { nameZh: string; nameEn: string; levels: LadderLevel[] };

export type SlaSettings = ResponseOf<'/api/v1/sla/settings', 'get'>;

export type PolicyMatrix = ResponseOf<'/api/v1/sla/policies/matrix', 'get'>;
export type MatrixCell = PolicyMatrix['cells'][number];
/** The policy a cell's metric resolves to (null: none applies). */
export type ResolvedPolicy = MatrixCell['policies'][string] | null;
