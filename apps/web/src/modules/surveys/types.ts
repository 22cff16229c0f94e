/** Satisfaction survey types, from the generated client (api/types.ts). */
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types';

export type Survey = ResponseOf<'/api/v1/surveys/{id}', 'get'>;
export type SurveySummary = ResponseOf<'/api/v1/surveys', 'get'>['items'][number];
export type SurveyQuestion = Survey['questions'][number];
export type QuestionKind = SurveyQuestion['kind'];
export type SurveyTrigger = Survey['trigger'];
export type SurveyBody = BodyOf<'/api/v1/surveys', 'post'>;
export type SurveyPatch = BodyOf<'/api/v1/surveys/{id}', 'patch'>;
export type QuestionBody = SurveyBody['questions'][number];
export type InvitationBody = BodyOf<'/api/v1/surveys/{id}/invitations', 'post'>;
export type CreatedInvitation = ResponseOf<'/api/v1/surveys/{id}/invitations', 'post'>;
export type SurveyResults = ResponseOf<'/api/v1/surveys/{id}/results', 'get'>;
export type ResultsQuery = QueryOf<'/api/v1/surveys/{id}/results', 'get'>;
export type ResultsPeriod = SurveyResults['period'];
export type ResponsesQuery = QueryOf<'/api/v1/surveys/{id}/responses', 'get'>;
export type ResponsesPage = ResponseOf<'/api/v1/surveys/{id}/responses', 'get'>;
export type SurveyResponse = ResponsesPage['items'][number];

export const QUESTION_KINDS = [
  'nps',
  'csat',
  'staff_rating',
  'single',
  'multiple',
  'resolved',
  'text',
] as const satisfies readonly QuestionKind[];
export const SURVEY_TRIGGERS = ['manual', 'ticket_closed'] as const satisfies readonly SurveyTrigger[];
/** Staff roles offered for a staff_rating question (`agent`: the ticket's assignee); others may be typed. */
export const STAFF_ROLES = ['agent', 'store_rep', 'stylist', 'photographer', 'engineer'] as const;
export const RESULTS_PERIODS = ['day', 'week', 'month'] as const satisfies readonly ResultsPeriod[];

/** Bounds of a questionnaire (surveys.schemas.ts SURVEY_LIMITS). */
export const SURVEY_LIMITS = {
  questions: 30,
  options: 20,
  title: 200,
  optionLabel: 100,
  description: 500,
  expiryDays: 180,
} as const;
