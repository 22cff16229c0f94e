export {
  isOpen,
  isUnfinished,
  notOpenTicketSql,
  OPEN_STATUSES,
  openTicketSql,
  unfinishedTicketSql,
} from './core/open-ticket.js';
export { openTicketsContributor } from './core/tickets.handover.js';
