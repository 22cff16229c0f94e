/**
 * Entity and request types, derived from the API's `paths` (never typed twice). Deriving by path and
 * method rather than by component name keeps these stable when generated types replace schema.ts.
 */
import type { paths } from './client';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Op<P extends keyof paths, M extends Method> = M extends keyof paths[P] ? NonNullable<paths[P][M]> : never;

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;

/** The JSON body of the 200 (or 201) answer. */
export type ResponseOf<P extends keyof paths, M extends Method> =
  Op<P, M> extends { responses: infer R }
    ? R extends { 200: infer Ok }
      ? JsonOf<Ok>
      : R extends { 201: infer Created }
        ? JsonOf<Created>
        : never
    : never;

/** The JSON request body. */
export type BodyOf<P extends keyof paths, M extends Method> =
  Op<P, M> extends {
    requestBody?: { content: { 'application/json': infer B } };
  }
    ? B
    : never;

/** The query parameters. */
export type QueryOf<P extends keyof paths, M extends Method> =
  Op<P, M> extends {
    parameters: { query?: infer Q };
  }
    ? NonNullable<Q>
    : never;

export type Me = ResponseOf<'/api/v1/auth/me', 'get'>;
export type ApiToken = ResponseOf<'/api/v1/auth/tokens', 'get'>['items'][number];
export type CreatedApiToken = ResponseOf<'/api/v1/auth/tokens', 'post'>;
export type User = ResponseOf<'/api/v1/users/{id}', 'get'>;
export type UserQuery = QueryOf<'/api/v1/users', 'get'>;
export type CreateUserBody = BodyOf<'/api/v1/users', 'post'>;
export type UpdateUserBody = BodyOf<'/api/v1/users/{id}', 'patch'>;
export type Department = ResponseOf<'/api/v1/departments', 'get'>['items'][number];
export type DepartmentBody = BodyOf<'/api/v1/departments', 'post'>;
export type Role = ResponseOf<'/api/v1/roles', 'get'>['items'][number];
export type RoleBody = BodyOf<'/api/v1/roles', 'post'>;
export type PermissionItem = ResponseOf<'/api/v1/permissions', 'get'>['items'][number];
export type AuditEntry = ResponseOf<'/api/v1/audit', 'get'>['items'][number];
export type AuditQuery = QueryOf<'/api/v1/audit', 'get'>;
export type Job = ResponseOf<'/api/v1/jobs', 'get'>['items'][number];
export type JobState = NonNullable<QueryOf<'/api/v1/jobs', 'get'>['state']>;
export type DeadLetter = ResponseOf<'/api/v1/jobs/dead-letters', 'get'>['items'][number];
export type Health = ResponseOf<'/api/health', 'get'>;

// Customer archive (customers, settings, grading, imports) and handovers.
export type CustomerListItem = ResponseOf<'/api/v1/customers', 'get'>['items'][number];
export type CustomerQuery = QueryOf<'/api/v1/customers', 'get'>;
export type Customer = ResponseOf<'/api/v1/customers/{id}', 'get'>;
export type CreateCustomerBody = BodyOf<'/api/v1/customers', 'post'>;
export type UpdateCustomerBody = BodyOf<'/api/v1/customers/{id}', 'patch'>;
export type CustomerContact = Customer['contacts'][number];
export type ContactBody = BodyOf<'/api/v1/customers/{id}/contacts', 'post'>;
export type CustomerStaff = Customer['staff'][number];
export type StaffBody = BodyOf<'/api/v1/customers/{id}/staff', 'put'>;
export type TimelineEntry = ResponseOf<'/api/v1/customers/{id}/timeline', 'get'>['items'][number];
export type LogContactBody = BodyOf<'/api/v1/customers/{id}/timeline', 'post'>;
export type Milestone = ResponseOf<'/api/v1/customers/{id}/milestones', 'get'>['items'][number];
export type MilestoneBody = BodyOf<'/api/v1/customers/{id}/milestones', 'post'>;
export type BusinessFigures = ResponseOf<'/api/v1/customers/{id}/figures', 'get'>['items'][number];
export type FiguresBody = BodyOf<'/api/v1/customers/{id}/figures', 'put'>;
export type DuplicateCandidate = ResponseOf<'/api/v1/customers/{id}/duplicates', 'get'>['items'][number];
export type Evaluation = ResponseOf<'/api/v1/customers/{id}/evaluations', 'get'>['items'][number];
export type EvaluationResult = ResponseOf<'/api/v1/customers/{id}/evaluations', 'post'>;
export type EvaluateBody = BodyOf<'/api/v1/customers/{id}/evaluations', 'post'>;
export type GradeHistoryEntry = ResponseOf<'/api/v1/customers/{id}/grade-history', 'get'>['items'][number];
export type Grade = NonNullable<Customer['grade']>;
export type CustomerCategory = ResponseOf<'/api/v1/customer-settings/categories', 'get'>['items'][number];
export type CategoryBody = BodyOf<'/api/v1/customer-settings/categories', 'post'>;
export type CustomFieldDefinition = ResponseOf<'/api/v1/customer-settings/custom-fields', 'get'>['items'][number];
export type CustomFieldBody = BodyOf<'/api/v1/customer-settings/custom-fields', 'post'>;
export type CustomFieldType = CustomFieldDefinition['type'];
export type MilestoneType = ResponseOf<'/api/v1/customer-settings/milestone-types', 'get'>['items'][number];
export type MilestoneTypeBody = BodyOf<'/api/v1/customer-settings/milestone-types', 'post'>;
export type SettingDeleteResult = ResponseOf<'/api/v1/customer-settings/categories/{key}', 'delete'>;
export type EvaluationCriterion = ResponseOf<'/api/v1/customer-grading/criteria', 'get'>['items'][number];
export type CriteriaBody = BodyOf<'/api/v1/customer-grading/criteria', 'put'>;
export type GradeBand = ResponseOf<'/api/v1/customer-grading/bands', 'get'>['items'][number];
export type EvaluationRound = ResponseOf<'/api/v1/customer-grading/rounds', 'get'>['items'][number];
export type EvaluationRoundDetail = ResponseOf<'/api/v1/customer-grading/rounds/{roundId}', 'get'>;
export type RoundBody = BodyOf<'/api/v1/customer-grading/rounds', 'post'>;
export type RoundQuery = QueryOf<'/api/v1/customer-grading/rounds', 'get'>;
export type CustomerImport = ResponseOf<'/api/v1/customer-imports/{id}', 'get'>;
export type RunImportBody = BodyOf<'/api/v1/customer-imports/{id}/run', 'post'>;
export type HandoverPreview = ResponseOf<'/api/v1/handovers/preview', 'post'>;
export type HandoverBody = BodyOf<'/api/v1/handovers', 'post'>;
export type HandoverResult = ResponseOf<'/api/v1/handovers', 'post'>;
export type Handover = ResponseOf<'/api/v1/handovers', 'get'>['items'][number];

// Saved list views (own and shared).
export type SavedView = ResponseOf<'/api/v1/saved-views', 'get'>['items'][number];
export type SavedViewModule = QueryOf<'/api/v1/saved-views', 'get'>['module'];
export type SaveViewBody = BodyOf<'/api/v1/saved-views', 'post'>;
