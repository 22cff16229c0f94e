/** Time-limit types, derived from the generated API `paths` (never typed twice). */
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types';

export type ClocksResponse = ResponseOf<'/api/v1/sla/tickets/{ticketId}/clocks', 'get'>;
export type Clock = ClocksResponse['items'][number];
export type ClockState = Clock['state'];
export type SlaMetric = Clock['metric'];
export type LadderPosition = NonNullable<Clock['ladder']>;
/** A ladder level: reached when, late, by hand (who and why) or skipped, and who was told. */
export type LadderLevel = LadderPosition['levels'][number];
export type Explain = ResponseOf<'/api/v1/sla/tickets/{ticketId}/clocks/{clockId}/explain', 'get'>;
export type ExplainDayKind = Explain['days'][number]['kind'];
export type PauseReason = Explain['pauses'][number]['reason'];
export type WaitingBody = BodyOf<'/api/v1/tickets/{id}/waiting', 'post'>;
export type WaitingOn = WaitingBody['waitingOn'];
export type EscalateBody = BodyOf<'/api/v1/sla/tickets/{ticketId}/escalations', 'post'>;
export type AtRiskPage = ResponseOf<'/api/v1/sla/at-risk', 'get'>;
export type AtRiskItem = AtRiskPage['items'][number];
export type AtRiskQuery = QueryOf<'/api/v1/sla/at-risk', 'get'>;
export type Policy = ResponseOf<'/api/v1/sla/policies', 'get'>['items'][number];

/** The metrics in the order the panel lists them (the server's SLA_METRICS). */
export const SLA_METRICS: readonly SlaMetric[] = [
  'first_response',
  'next_reply',
  'resolution',
  'promised_reply',
  'team_handling',
];
