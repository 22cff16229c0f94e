/**
 * Topics (server `notifications/topics.ts`) and where a notification leads. Labels live in the
 * `notifications` namespace (`topics.<topic with _ for .>`); an unknown topic shows as it is.
 */

/** The topics (server notifications/topics.ts), in the order the lists show them. */
export const KNOWN_TOPICS = [
  'sla.warned',
  'sla.escalated',
  'complaint.major_reported',
  'ticket.assigned',
  'ticket.classified',
  'ticket.reply',
  'handover.successor',
  'handover.customer_notice',
  'survey.invitation',
  'customers.access_request',
  'calendars.next_year_missing',
  'measures.assigned',
  'webhooks.disabled',
  'notifications.dead_letter',
  'robots.test',
  'digest.daily',
  'general',
] as const;

/** Where a topic sorts: its place in KNOWN_TOPICS, unknown ones last. */
export function topicRank(topic: string): number {
  const at = (KNOWN_TOPICS as readonly string[]).indexOf(topic);
  return at < 0 ? KNOWN_TOPICS.length : at;
}

/** Translation key of a topic's label: dots would nest keys, so they become underscores. */
export const topicKey = (topic: string) => topic.replace(/\./g, '_').replace(/\*/g, 'any');

/**
 * The page a notification's `ref` points at (`ticket:<id>/…`, `handover:<id>`, …); undefined when
 * it points nowhere the web app shows.
 */
export function refLink(ref: string | null | undefined): string | undefined {
  if (!ref) return undefined;
  const [kind, rest = ''] = splitOnce(ref, ':');
  const id = rest.split(/[/:]/)[0] ?? '';
  switch (kind) {
    case 'ticket':
      return id ? `/tickets/${id}` : undefined;
    case 'customer':
      return id ? `/customers/${id}` : undefined;
    case 'handover':
      return '/handovers';
    case 'improvement_measure':
      return '/tickets/measures';
    case 'calendars':
      return '/admin/calendars';
    case 'notification':
    case 'notifications':
      return '/admin/notification-deliveries';
    case 'webhook':
    case 'webhooks':
      return '/admin/webhooks';
    case 'robot':
    case 'robots':
      return '/admin/robots';
    default:
      return undefined;
  }
}

function splitOnce(value: string, separator: string): [string, string?] {
  const at = value.indexOf(separator);
  return at < 0 ? [value] : [value.slice(0, at), value.slice(at + 1)];
}
