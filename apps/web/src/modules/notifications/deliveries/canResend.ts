import type { Delivery } from '../types';

/** Messages an administrator may send again: given up, failing, suppressed, or sent (a copy). */
export const canResend = (row: Pick<Delivery, 'status'>) => row.status !== 'queued';
