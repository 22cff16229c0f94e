import { Button, Checkbox, Form, Input, Modal, Popconfirm, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alreadyShown } from '../../../api/errors';
import { forbiddenHitsOf, setFieldErrors } from '../../../api/formErrors';
import { ForbiddenHits } from '../../phrases/ForbiddenHits';
import type { HitLike } from '../../phrases/forbiddenCheck';
import { NextReplyPresets } from '../conversation/NextReplyPresets';
import { MeasuresPanel } from '../measures/MeasuresPanel';
import { useRootCauses } from '../settings/useTicketSettings';
import { transitionTicket } from './api';
import { type DialogValues, transitionBody } from './dialogForms';
import type { Ticket, TicketAction } from './types';
import { useVersionedWrite } from './useTicket';

const DIALOG_ACTIONS: readonly TicketAction[] = ['resolve', 'feedback', 'close', 'reopen'];

/** The lifecycle buttons the server offers (`ticket.actions`), each with its confirmation or dialog. */
export function TicketActions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation('tickets');
  const [open, setOpen] = useState<TicketAction | null>(null);
  // Loaded with the page, so the close dialog opens with its categories.
  useRootCauses(ticket.actions.includes('close'));
  const quick = useVersionedWrite(ticket.id, (action: TicketAction) =>
    transitionTicket(ticket.id, { version: ticket.version, action }),
  );
  return (
    <>
      {ticket.actions.map((action) =>
        DIALOG_ACTIONS.includes(action) ? (
          <Button
            key={action}
            type={action === 'resolve' || action === 'close' ? 'primary' : 'default'}
            danger={action === 'reopen'}
            onClick={() => setOpen(action)}
            data-testid={`action-${action}`}
          >
            {t(`action.${action}`)}
          </Button>
        ) : (
          <Popconfirm
            key={action}
            title={t(action === 'classify' ? 'dialogs.confirmClassify' : 'dialogs.confirmStart')}
            onConfirm={() => quick.mutateAsync(action).catch(alreadyShown)}
          >
            <Button loading={quick.isPending && quick.variables === action} data-testid={`action-${action}`}>
              {t(`action.${action}`)}
            </Button>
          </Popconfirm>
        ),
      )}
      {open && <TransitionDialog ticket={ticket} action={open} onClose={() => setOpen(null)} />}
    </>
  );
}

const TITLES = {
  resolve: 'dialogs.resolveTitle',
  feedback: 'dialogs.feedbackTitle',
  close: 'dialogs.closeTitle',
  reopen: 'dialogs.reopenTitle',
} as const;

function TransitionDialog({ ticket, action, onClose }: { ticket: Ticket; action: TicketAction; onClose: () => void }) {
  const { t } = useTranslation(['tickets', 'common']);
  const [form] = Form.useForm<DialogValues>();
  const [hits, setHits] = useState<HitLike[]>([]);
  const rootCauses = useRootCauses(action === 'close');
  const write = useVersionedWrite(
    ticket.id,
    (values: DialogValues) => transitionTicket(ticket.id, transitionBody(action, ticket.version, values)),
    {
      onSuccess: onClose,
      onOtherError: (error) => {
        const found = forbiddenHitsOf(error);
        setHits(found);
        return setFieldErrors(form, error) || found.length > 0;
      },
    },
  );
  const title = action in TITLES ? TITLES[action as keyof typeof TITLES] : undefined;
  const complaint = ticket.isComplaint;

  return (
    <Modal
      open
      title={title ? t(title) : t(`action.${action}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={hits.length > 0 ? t('forbidden.sendAnyway') : t(`action.${action}`)}
      okButtonProps={{ loading: write.isPending }}
      width={action === 'close' ? 760 : 560}
      destroyOnHidden
    >
      <Form<DialogValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ satisfied: 'yes' }}
        onFinish={(values) => write.mutate(values)}
        data-testid={`dialog-${action}`}
      >
        {action === 'resolve' && (
          <>
            <Typography.Paragraph type="secondary">{t('dialogs.resolveHint')}</Typography.Paragraph>
            <Form.Item
              name="process"
              label={t('fields.resolutionProcess')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea id="resolve-process" autoSize={{ minRows: 3 }} />
            </Form.Item>
            <Form.Item
              name="result"
              label={t('fields.resolutionResult')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input.TextArea id="resolve-result" autoSize={{ minRows: 2 }} />
            </Form.Item>
            {ticket.status === 'received' && (
              <Form.Item name="firstContact" valuePropName="checked">
                <Checkbox>{t('dialogs.firstContact')}</Checkbox>
              </Form.Item>
            )}
          </>
        )}
        {action === 'feedback' && (
          <>
            <Form.Item name="satisfied" label={t('dialogs.satisfied')}>
              <Radio.Group data-testid="feedback-satisfied">
                <Radio value="yes">{t('detail.satisfied.yes')}</Radio>
                <Radio value="no">{t('detail.satisfied.no')}</Radio>
                <Radio value="unreachable">{t('detail.satisfied.unreachable')}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.Item name="note" label={t('dialogs.feedbackNote')}>
              <Input.TextArea id="feedback-note" autoSize={{ minRows: 2 }} />
            </Form.Item>
          </>
        )}
        {action === 'close' && (
          <>
            {complaint && <Typography.Paragraph type="secondary">{t('dialogs.closeHint')}</Typography.Paragraph>}
            <Form.Item name="rootCauseKey" label={t('fields.rootCauseKey')} rules={[{ required: complaint }]}>
              <Select
                id="close-root-cause"
                options={rootCauses.options}
                loading={rootCauses.isLoading}
                showSearch
                optionFilterProp="label"
                allowClear
              />
            </Form.Item>
            <Form.Item
              name="rootCause"
              label={t('fields.rootCause')}
              rules={[{ required: complaint, whitespace: true }]}
            >
              <Input.TextArea id="close-cause" autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Form.Item name="summary" label={t('fields.summary')} rules={[{ required: complaint, whitespace: true }]}>
              <Input.TextArea id="close-summary" autoSize={{ minRows: 2 }} />
            </Form.Item>
            <MeasuresPanel ticketId={ticket.id} canAdd />
          </>
        )}
        {action === 'reopen' && (
          <>
            <Form.Item name="note" label={t('dialogs.reopenReason')} rules={[{ required: true, whitespace: true }]}>
              <Input.TextArea id="reopen-reason" autoSize={{ minRows: 2 }} />
            </Form.Item>
            {complaint && (
              <Form.Item name="nextReplyAt" label={t('dialogs.reopenNextReply')} rules={[{ required: true }]}>
                <NextReplyPresets id="reopen-next-reply" testIdPrefix="reopen-next-reply" />
              </Form.Item>
            )}
          </>
        )}
        {hits.length > 0 && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <ForbiddenHits hits={hits} />
            <Form.Item
              name="forbiddenOverrideReason"
              label={t('forbidden.reason')}
              extra={t('forbidden.reasonHint')}
              rules={[{ required: true, whitespace: true, min: 2, message: t('forbidden.reasonRequired') }]}
            >
              <Input id="transition-override-reason" />
            </Form.Item>
          </Space>
        )}
      </Form>
    </Modal>
  );
}
