/** The ticket use cases (one file each under use-cases/). */
export { addMessage } from './use-cases/add-message.js';
export { createTicket } from './use-cases/create-ticket.js';
export { getTicket, getTicketHistory, getTicketMessages } from './use-cases/get-ticket.js';
export { listTickets } from './use-cases/list-tickets.js';
export { transitionTicket } from './use-cases/transition-ticket.js';
export { updateTicket } from './use-cases/update-ticket.js';
