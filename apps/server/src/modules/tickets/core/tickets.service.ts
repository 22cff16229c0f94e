/** The ticket use cases (one file each under use-cases/). */
export { addMessage } from '../conversation/add-message.js';
export { listTickets } from '../queue/list-tickets.js';
export { createTicket } from './create-ticket.js';
export { getTicket, getTicketHistory, getTicketMessages } from './get-ticket.js';
export { setWaiting } from './set-waiting.js';
export { transitionTicket } from './transition-ticket.js';
export { updateTicket } from './update-ticket.js';
