import { keyedSettings, type SettingsKind } from '../../../lib/keyed-settings.js';
import { recordAudit } from '../../audit/index.js';
import { assertDepartment } from '../core/tickets.rules.js';
import * as repo from './settings.repository.js';
import type { RootCauseInput, TicketTypeInput } from './settings.schemas.js';

const TYPES: SettingsKind<repo.TicketTypeRow, TicketTypeInput> = {
  entity: 'ticket_type',
  notFound: 'tickets.type_not_found',
  keyTaken: 'tickets.type_key_taken',
  list: repo.listTypes,
  find: repo.findType,
  insert: repo.insertType,
  update: repo.updateType,
  delete: repo.deleteType,
  check: (db, values) => assertDepartment(db, values.defaultDepartmentId),
  audit: recordAudit,
};

const ROOT_CAUSES: SettingsKind<repo.RootCauseRow, RootCauseInput> = {
  entity: 'ticket_root_cause',
  notFound: 'tickets.root_cause_not_found',
  keyTaken: 'tickets.root_cause_key_taken',
  list: repo.listRootCauses,
  find: repo.findRootCause,
  insert: repo.insertRootCause,
  update: repo.updateRootCause,
  delete: repo.deleteRootCause,
  audit: recordAudit,
};

/** Ticket types: key unique (tickets.type_key_taken); the default department must exist. */
export const ticketTypeSettings = keyedSettings(TYPES);
/** Root-cause categories of complaint summaries: key unique (tickets.root_cause_key_taken). */
export const rootCauseSettings = keyedSettings(ROOT_CAUSES);
