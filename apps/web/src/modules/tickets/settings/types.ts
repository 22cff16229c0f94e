/** Types of the ticket settings module, derived from the API (never typed twice). */
import type { BodyOf, ResponseOf } from '../../../api/types';

export type TicketType = ResponseOf<'/api/v1/ticket-settings/types', 'get'>['items'][number];
export type TicketTypeBody = BodyOf<'/api/v1/ticket-settings/types', 'post'>;
export type RootCause = ResponseOf<'/api/v1/ticket-settings/root-causes', 'get'>['items'][number];
export type RootCauseBody = BodyOf<'/api/v1/ticket-settings/root-causes', 'post'>;
export type SettingDeleteResult = ResponseOf<'/api/v1/ticket-settings/types/{key}', 'delete'>;
