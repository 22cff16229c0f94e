import { ExclamationCircleOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { alreadyShown } from '../../../../api/errors';
import { raiseComplaint } from '../callbackApi';
import type { CallbackComplaintResult, CallbackDetail } from '../callbackTypes';

/**
 * 转投诉: one click (after a confirmation naming the subject it will create) opens a complaint
 * ticket for the customer; the link to it stays. A second click returns the same ticket.
 */
export function CallbackComplaint({
  callback,
  onChanged,
}: {
  callback: CallbackDetail;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation('callbacksWork');
  const [result, setResult] = useState<CallbackComplaintResult | null>(null);
  const raise = useMutation({
    mutationFn: () => raiseComplaint(callback.id),
    onSuccess: async (answer) => {
      setResult(answer);
      await onChanged();
    },
  });
  const ticketId = result?.ticketId ?? callback.complaintTicketId;
  if (ticketId) {
    const title = result
      ? t(result.created ? 'call.complaint.created' : 'call.complaint.already', { number: result.ticketNumber })
      : t('call.complaint.linked');
    return (
      <Alert
        type={result?.created ? 'success' : 'info'}
        showIcon
        data-testid="callback-complaint-result"
        message={title}
        description={
          <Link to={`/tickets/${ticketId}`} data-testid="callback-complaint-ticket-link">
            {t('call.complaint.open')}
          </Link>
        }
      />
    );
  }
  const subject = t('call.complaint.subject', { name: callback.customer.name });
  return (
    <div>
      <Popconfirm
        title={t('call.complaint.confirmTitle')}
        description={
          <div style={{ maxWidth: 300 }}>
            <Typography.Paragraph strong style={{ marginBottom: 4 }} data-testid="callback-complaint-subject">
              {t('call.complaint.confirmSubject', { subject })}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('call.complaint.confirmHelp')}</Typography.Text>
          </div>
        }
        okText={t('call.complaint.confirm')}
        okButtonProps={{ danger: true, loading: raise.isPending, 'data-testid': 'callback-complaint-confirm' }}
        onConfirm={() => raise.mutateAsync().catch(alreadyShown)}
        icon={<ExclamationCircleOutlined style={{ color: 'red' }} />}
      >
        <Button danger loading={raise.isPending} data-testid="callback-complaint">
          {t('call.complaint.button')}
        </Button>
      </Popconfirm>
    </div>
  );
}
