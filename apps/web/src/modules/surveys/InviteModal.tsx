import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import type { TicketListItem } from '../tickets/core/types';
import { CustomerPicker } from '../tickets/relations/CustomerPicker';
import { TicketSearchSelect } from '../tickets/relations/TicketSearchSelect';
import { createInvitation, getSurvey, surveyKey } from './api';
import { roleLabel } from './surveyLabels';
import type { CreatedInvitation, InvitationBody, SurveySummary } from './types';

/** The staff roles a survey rates besides the ticket's agent: named on each invitation. */
function useOtherRoles(surveyId: string): string[] {
  const survey = useQuery({ queryKey: surveyKey(surveyId), queryFn: () => getSurvey(surveyId) });
  const roles = (survey.data?.questions ?? [])
    .filter((q) => q.kind === 'staff_rating' && q.staffRole && q.staffRole !== 'agent')
    .map((q) => q.staffRole as string);
  return [...new Set(roles)];
}

/**
 * 发送链接: a one-time link for a customer and/or a ticket (`channel: 'link'`), shown once with a
 * copy button. Staff to rate by other roles (photographer…) are named here.
 */
export function InviteModal({ survey, onClose }: { survey: SurveySummary; onClose: () => void }) {
  const { t } = useTranslation(['surveys', 'common']);
  const [customerId, setCustomerId] = useState<string | undefined>();
  const [ticket, setTicket] = useState<TicketListItem | null>(null);
  const [staffNames, setStaffNames] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const roles = useOtherRoles(survey.id);
  const create = useMutation({
    mutationFn: () => {
      const staff = Object.fromEntries(
        Object.entries(staffNames)
          .filter(([, name]) => name.trim() !== '')
          .map(([role, name]) => [role, { name: name.trim() }]),
      );
      const body: InvitationBody = {
        channel: 'link',
        ...(customerId ? { customerId } : {}),
        ...(ticket ? { ticketId: ticket.id } : {}),
        ...(Object.keys(staff).length > 0 ? { staff } : {}),
      };
      return createInvitation(survey.id, body);
    },
    onSuccess: setCreated,
  });

  return (
    <Modal
      open
      title={t('invite.title', { name: survey.name })}
      onCancel={onClose}
      footer={
        created ? (
          <Button type="primary" onClick={onClose}>
            {t('invite.close')}
          </Button>
        ) : (
          <Space wrap>
            <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
            <Button
              type="primary"
              data-testid="survey-invite-create"
              loading={create.isPending}
              disabled={!survey.active}
              onClick={() => create.mutate()}
            >
              {t('invite.create')}
            </Button>
          </Space>
        )
      }
    >
      {created ? (
        <Space direction="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text strong>{t('invite.url')}</Typography.Text>
          <Typography.Paragraph
            data-testid="survey-invite-url"
            copyable={{ text: created.url, tooltips: [t('invite.copy'), t('invite.copied')] }}
            style={{ wordBreak: 'break-all', padding: 8, background: 'rgba(0,0,0,0.04)', borderRadius: 6 }}
          >
            {created.url}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('invite.expires', { date: formatDateTime(created.expiresAt) })}
          </Typography.Text>
        </Space>
      ) : (
        <Form layout="vertical">
          {!survey.active && (
            <Alert type="warning" showIcon message={t('invite.inactive')} style={{ marginBottom: 16 }} />
          )}
          <Typography.Paragraph type="secondary">{t('invite.hint')}</Typography.Paragraph>
          <Form.Item label={t('invite.ticket')} extra={t('invite.ticketHint')}>
            {ticket ? (
              <Tag closable onClose={() => setTicket(null)} data-testid="survey-invite-ticket">
                {ticket.number} · {ticket.subject}
              </Tag>
            ) : (
              <TicketSearchSelect
                placeholder={t('invite.ticketPlaceholder')}
                excludeIds={[]}
                onPick={setTicket}
                testId="survey-invite-ticket-search"
              />
            )}
          </Form.Item>
          <Form.Item label={t('invite.customer')} extra={t('invite.customerHint')}>
            <CustomerPicker value={customerId} onChange={setCustomerId} data-testid="survey-invite-customer" />
          </Form.Item>
          {roles.map((role) => (
            <Form.Item key={role} label={roleLabel(t, role)}>
              <Input
                maxLength={50}
                value={staffNames[role] ?? ''}
                onChange={(event) => setStaffNames((names) => ({ ...names, [role]: event.target.value }))}
              />
            </Form.Item>
          ))}
        </Form>
      )}
    </Modal>
  );
}
