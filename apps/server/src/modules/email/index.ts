// The e-mail module offers nothing to other modules: mail leaves through the notification layer
// (its `email` channel adapter) and arrives as tickets (tickets module exports).
export {};
