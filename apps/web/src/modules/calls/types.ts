/** Call types, derived from the generated API `paths` (never typed twice). */
import type { QueryOf, ResponseOf } from '../../api/types';

export type CallImport = ResponseOf<'/api/v1/calls/imports/{id}', 'get'>;
export type CallImportFormat = CallImport['format'];
export type CallImportLineError = CallImport['errors'][number];
export type CallStats = ResponseOf<'/api/v1/call-stats', 'get'>;
export type CallStatsQuery = QueryOf<'/api/v1/call-stats', 'get'>;
export type QueueFigures = CallStats['queues'][number];
export type TotalFigures = CallStats['total'];
export type AgentFigures = CallStats['agents'][number];
export type CallTrend = ResponseOf<'/api/v1/call-stats/trend', 'get'>;
export type CallTrendQuery = QueryOf<'/api/v1/call-stats/trend', 'get'>;
export type CallSettings = ResponseOf<'/api/v1/call-settings', 'get'>;
export type CallPage = ResponseOf<'/api/v1/calls', 'get'>;
export type CallRecord = CallPage['items'][number];
export type CallListQuery = QueryOf<'/api/v1/calls', 'get'>;
export type CallOutcome = CallRecord['outcome'];
export type ErlangC = ResponseOf<'/api/v1/staffing/erlang-c', 'get'>;
export type ErlangCQuery = QueryOf<'/api/v1/staffing/erlang-c', 'get'>;
export type Intraday = ResponseOf<'/api/v1/staffing/intraday', 'get'>;
export type IntradayQuery = QueryOf<'/api/v1/staffing/intraday', 'get'>;
export type IntradayInterval = Intraday['intervals'][number];

export const CALL_IMPORT_FORMATS: readonly CallImportFormat[] = ['asterisk-queue-log', 'csv'];
export const CALL_OUTCOMES: readonly CallOutcome[] = [
  'answered',
  'abandoned',
  'timeout',
  'exit_key',
  'exit_empty',
  'unresolved',
];
/** The CSV mapping's fields (server: import.csv.ts), required first. */
export const CSV_REQUIRED_FIELDS = ['externalId', 'queue', 'enteredAt', 'outcome'] as const;
export const CSV_OPTIONAL_FIELDS = [
  'direction',
  'callerNumber',
  'agent',
  'connectedAt',
  'endedAt',
  'waitSeconds',
  'talkSeconds',
] as const;
export const CSV_FIELDS = [...CSV_REQUIRED_FIELDS, ...CSV_OPTIONAL_FIELDS] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export type CsvMapping = Partial<Record<CsvField, string>>;
