import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../components/format';
import { MeasuresPanel } from '../measures/MeasuresPanel';
import { useRootCauses } from '../settings/useTicketSettings';
import { updateTicket } from './api';
import { FactsChecklist, tickedFacts } from './FactsChecklist';
import { factsRecord } from './ticketForm';
import type { FactItem, Ticket } from './types';
import { OPEN_STATUSES } from './types';
import { useVersionedWrite } from './useTicket';

/**
 * The record itself: the full description (听清楚), the facts checklist of a complaint (问清楚,
 * ticked here with the version read), the resolution told to the customer (复清楚), the feedback
 * and the summary with root cause and improvement measures.
 */
export function TicketDetails({ ticket, canWrite }: { ticket: Ticket; canWrite: boolean }) {
  const { t } = useTranslation('tickets');
  const rootCauses = useRootCauses(!!ticket.rootCauseKey);
  const facts = useVersionedWrite(ticket.id, (ticked: FactItem[]) =>
    updateTicket(ticket.id, { version: ticket.version, facts: factsRecord(ticked) }),
  );
  const satisfied =
    ticket.feedbackSatisfied === true ? 'yes' : ticket.feedbackSatisfied === false ? 'no' : 'unreachable';
  const hasFeedback = ticket.status === 'feedback' || ticket.status === 'closed' || ticket.feedbackNote !== null;

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <TicketContact ticket={ticket} />
      <Card size="small" title={t('fields.description')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="ticket-description">
          {ticket.description || t('detail.noDescription')}
        </Typography.Paragraph>
      </Card>
      {ticket.isComplaint && (
        <Card size="small" title={t('facts.title')}>
          <FactsChecklist
            value={tickedFacts(ticket.facts)}
            disabled={!canWrite || facts.isPending || !OPEN_STATUSES.includes(ticket.status)}
            onChange={(ticked) => facts.mutate(ticked)}
          />
        </Card>
      )}
      {(ticket.resolutionProcess || ticket.resolutionResult) && (
        <Card size="small" title={t('detail.resolution')}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('fields.resolutionProcess')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{ticket.resolutionProcess}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.resolutionResult')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{ticket.resolutionResult}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.resolvedAt')}>
              {formatDateTime(ticket.resolvedAt)}
              {ticket.firstContactResolved && (
                <Tag color="green" style={{ marginInlineStart: 8 }}>
                  {t('marks.firstContact')}
                </Tag>
              )}
            </Descriptions.Item>
            {hasFeedback && (
              <Descriptions.Item label={t('fields.feedbackSatisfied')}>
                {t(`detail.satisfied.${satisfied}`)}
                {ticket.feedbackNote ? ` · ${ticket.feedbackNote}` : ''}
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
      )}
      {(ticket.rootCauseKey || ticket.summary) && (
        <Card size="small" title={t('detail.closing')}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('fields.rootCauseKey')}>
              {rootCauses.label(ticket.rootCauseKey)}
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.rootCause')}>{ticket.rootCause ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.summary')}>{ticket.summary ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('fields.closedAt')}>{formatDateTime(ticket.closedAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {ticket.isComplaint && ['resolved', 'feedback', 'closed'].includes(ticket.status) && (
        <Card size="small">
          <MeasuresPanel ticketId={ticket.id} canAdd={canWrite && ticket.status !== 'closed'} />
        </Card>
      )}
    </Space>
  );
}

/**
 * Who called: the contact chosen on the form (name and number, linked to the customer's file where
 * the contact is kept) or the unknown caller's name and number.
 */
function TicketContact({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('tickets');
  if (!ticket.contactName && !ticket.contactPhone) return null;
  const name = ticket.contactName ?? '-';
  return (
    <Card size="small" title={t('recording.contact.title')} data-testid="ticket-contact">
      <Space wrap size={[16, 4]}>
        {ticket.contactId && ticket.customerId ? (
          <Link to={`/customers/${ticket.customerId}`} title={t('recording.contact.openCustomer')}>
            <span data-testid="ticket-contact-name">{name}</span>
          </Link>
        ) : (
          <span data-testid="ticket-contact-name">{name}</span>
        )}
        {ticket.contactPhone && (
          <Typography.Text copyable data-testid="ticket-contact-phone">
            {ticket.contactPhone}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
