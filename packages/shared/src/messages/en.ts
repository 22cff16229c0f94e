import type { zhCN } from './zh-CN.js';

/** Server text in English; every key of `zh-CN.ts` with the same placeholders. */
export const en: Record<keyof typeof zhCN, string> = {
  'list.separator': ', ',
  'label.yes': 'yes',
  'label.no': 'no',
  'label.none': '—',

  'notice.ticket_assigned': 'New ticket {number} assigned to you: {subject}',
  'notice.ticket_classified': 'Ticket {number} was passed to your department: {subject}',
  'notice.major_complaint.subject': 'Major complaint {number}: {subject}',
  'notice.major_complaint.body':
    'Ticket {number} was marked a major complaint; please attend to it now.\n{description}',
  'notice.measure.subject': 'Improvement measure: {title}',
  'notice.measure.body':
    '{actor} asks you to take on the improvement measure “{title}” of ticket {number} ({subject}), due {dueDate}.',
  'notice.handover.subject': 'Handover from {from}',
  'notice.handover.body': '{from}’s work was handed over to you: {parts}. Reason: {reason}',
  'notice.handover.part': '{count} {label}',
  'notice.access_request.subject': 'Access request: {requester} asks to share customer {code} {name}',
  'notice.access_request.body':
    '{requester} ({department}) entered a customer with the same {fields} as your team’s customer {code} {name} and asks you to share it. To share it, add them to the customer’s staff contacts.',
  'notice.access_request.body_with_note':
    '{requester} ({department}) entered a customer with the same {fields} as your team’s customer {code} {name} and asks you to share it. To share it, add them to the customer’s staff contacts.\nNote: {note}',
  'notice.customer_handover.subject': 'Your customer service contact has changed',
  'notice.customer_handover.template':
    'Dear {customerName}, from today your customer service contact is {newContact} (phone: {newContactPhone}), ' +
    'taking over from {previousContact}. Everything in progress has been handed over; please contact ' +
    '{newContact} whenever you need. Thank you for your trust and support!',

  'ticket.line.merged_from': 'Merged from {number}: {subject}\n\n{description}',
  'ticket.line.resolution': 'What we did: {process}\nResult: {result}',

  'timeline.customer.created': 'Customer file created',
  'timeline.customer.updated': 'Profile changed',
  'timeline.customer.imported': 'Imported from a file',
  'timeline.customer.contact_added': 'Contact added',
  'timeline.customer.contact_updated': 'Contact changed',
  'timeline.customer.contact_removed': 'Contact removed',
  'timeline.customer.staff_changed': 'Staff contacts changed',
  'timeline.customer.figures_updated': 'Business figures updated',
  'timeline.customer.grade_changed': 'Evaluation: grade changed',
  'timeline.customer.evaluated': 'Evaluation: grade kept',
  'timeline.customer.milestone_set': 'Milestone: {name} ({date})',
  'timeline.customer.milestone_removed': 'Milestone removed: {name} ({date})',
  'timeline.customer.merged': 'Duplicate merged in',
  'timeline.customer.handover': 'Handover',
  'timeline.ticket.created': 'Ticket {number} opened',
  'timeline.ticket.status_changed': 'Ticket {number}: {from} → {to}',
  'timeline.ticket.inbound': 'Ticket {number}: message from the customer',
  'timeline.ticket.reply': 'Ticket {number}: reply to the customer',
  'timeline.ticket.system': 'Ticket {number}: system message',
  'timeline.other': 'Other entry',

  'history.created': 'Created',
  'history.updated': 'Edited',
  'history.next_reply_promised': 'Next reply promised',
  'history.major_reported': 'Major complaint reported',
  'history.assigned': 'Assigned',
  'history.linked': 'Linked to {number}',
  'history.unlinked': 'Unlinked from {number}',
  'history.attachment_added': 'Attachment uploaded',
  'history.attachment_removed': 'Attachment deleted',
  'history.measure_added': 'Measure added',
  'history.measure_updated': 'Measure updated',
  'history.merged_from': 'Duplicate {number} merged in',
  'history.merged_into': 'Merged into {number}',
  'history.watcher_added': 'Watcher added',
  'history.watcher_removed': 'Watcher removed',
  'history.transition': 'Status: {action}',
  'history.other': 'Other change',
  'history.note.assign': 'Assignment: {strategy}',
  'history.note.bulk': 'Bulk action',

  'import.row.required': 'Required value is missing.',
  'import.row.too_long': 'Too long (at most {max} characters).',
  'import.row.invalid_phone': '“{value}” is not a valid phone number.',
  'import.row.invalid_email': '“{value}” is not a valid e-mail address.',
  'import.row.invalid_postal_code': 'The postal code must be 6 digits (“{value}”).',
  'import.row.invalid_date': '“{value}” is not a valid date; use YYYY-MM-DD.',
  'import.row.invalid_number': '“{value}” is not a valid number.',
  'import.row.invalid_kind': 'Kind “{value}” is invalid; use company or person.',
  'import.row.invalid_grade': 'Grade “{value}” is invalid; use A, B, C or D.',
  'import.row.invalid_boolean': '“{value}” is invalid; use yes or no.',
  'import.row.unknown_category': 'Customer category “{value}” does not exist or is disabled.',
  'import.row.unknown_user': 'User “{value}” does not exist or is disabled (use the username).',
  'import.row.key_needs_two_staff':
    'A key customer needs two staff contacts: put a second person’s username in the backup staff column.',
  'import.row.custom_field_invalid': 'Invalid custom field value (allowed: {reason}).',
  'import.row.custom_field_required': 'This custom field is required.',
  'import.row.duplicate_in_file': 'Same {field} as row {inFileRow} of the file.',
  'import.row.duplicate_in_database': 'Same {field} as existing customer {codes}.',
  'import.row.duplicate_elsewhere':
    'Same {field} as {count} customer(s) owned by another team, which you may not see — ask {contacts} to share them.',
};
