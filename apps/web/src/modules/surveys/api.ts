import { api, unwrap } from '../../api/client';
import type { InvitationBody, ResponsesQuery, ResultsQuery, SurveyBody, SurveyPatch } from './types';

export const surveysKey = ['surveys'] as const;
export const surveysListKey = [...surveysKey, 'list'] as const;
export const surveyKey = (id: string) => [...surveysKey, 'one', id] as const;
export const surveyResultsKey = (id: string, query: ResultsQuery) => [...surveysKey, id, 'results', query] as const;
export const surveyResponsesKey = (id: string, query: ResponsesQuery) =>
  [...surveysKey, id, 'responses', query] as const;

const path = (id: string) => ({ params: { path: { id } } });

export const listSurveys = () => unwrap(api.GET('/api/v1/surveys'));
export const getSurvey = (id: string) => unwrap(api.GET('/api/v1/surveys/{id}', path(id)));
export const createSurvey = (body: SurveyBody) => unwrap(api.POST('/api/v1/surveys', { body }));
export const updateSurvey = (id: string, body: SurveyPatch) =>
  unwrap(api.PATCH('/api/v1/surveys/{id}', { ...path(id), body }));
export const createInvitation = (id: string, body: InvitationBody) =>
  unwrap(api.POST('/api/v1/surveys/{id}/invitations', { ...path(id), body }));
export const getSurveyResults = (id: string, query: ResultsQuery) =>
  unwrap(api.GET('/api/v1/surveys/{id}/results', { params: { path: { id }, query } }));
export const listSurveyResponses = (id: string, query: ResponsesQuery) =>
  unwrap(api.GET('/api/v1/surveys/{id}/responses', { params: { path: { id }, query } }));
