export { agentStatusSql } from './assignment/agent-status.lookups.js';
export { listAgents as listTicketAgents } from './assignment/agents.service.js';
export { AGENT_STATUS_RANK } from './assignment/assignees.service.js';
export {
  type RecordTicketOptions,
  recordTicket as openTicketFrom,
  type TicketSource,
} from './core/create-ticket.js';
export {
  appendInboundMessage,
  attachInboundFile,
  existingTicketIds,
  findMessageForDelivery,
  findTicketIdByNumber,
  type InboundChannel,
  type InboundFile,
  isRefusedFile,
  type OpenInboundTicketInput,
  openInboundTicket,
  type RefusedFile,
} from './core/inbound-ticket.js';
export {
  isOpen,
  isUnfinished,
  notOpenTicketSql,
  OPEN_STATUSES,
  openTicketSql,
  unfinishedTicketSql,
} from './core/open-ticket.js';
export {
  INTERNAL_TICKET_TAGS,
  type TicketSurveyFacts,
  ticketSurveyFacts,
  ticketSurveyFactsInScope,
} from './core/survey-facts.lookups.js';
export {
  findTicketSummaries,
  findTicketSummaryInScope,
  type TicketSummary,
  ticketVisibleSql,
} from './core/ticket-summary.lookups.js';
export { openTicketsContributor } from './core/tickets.handover.js';
export { setTicketSla } from './core/tickets.repository.js';
export type { CreateTicketInput } from './core/tickets.schemas.js';
export {
  type TicketClockFacts,
  type TicketTimelineEntry,
  ticketClockFacts,
  unfinishedTicketIdsAfter,
} from './core/tickets.timeline.js';
export { complaintIntakeTotals, type IntakeTotals } from './measures/intake.service.js';
export { countOverdueMeasures } from './measures/measures.service.js';
export { rootCauseReport } from './measures/reports.service.js';
export { countTickets } from './queue/count-tickets.js';
export type { TicketFilter } from './queue/tickets.list.js';
export { ticketTypeNameSql } from './settings/settings.lookups.js';
export { findType as findTicketType, listTypes as listTicketTypes } from './settings/settings.repository.js';
export { TICKET_PRIORITIES } from './tickets.tables.js';
