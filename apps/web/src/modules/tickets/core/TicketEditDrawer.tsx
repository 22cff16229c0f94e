import { Button, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { setFieldErrors } from '../../../api/formErrors';
import { NextReplyPresets } from '../conversation/NextReplyPresets';
import { useTicketTypes } from '../settings/useTicketSettings';
import { updateTicket } from './api';
import { editBody, type EditValues as Values, valuesOf } from './dialogForms';
import { CHANNELS, PRIORITIES, type Ticket } from './types';
import { useVersionedWrite } from './useTicket';

/** Edits the ticket's fields with optimistic locking; every change lands in the history. */
export function TicketEditDrawer({ ticket, open, onClose }: { ticket: Ticket; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['tickets', 'common']);
  const [form] = Form.useForm<Values>();
  const types = useTicketTypes();
  const typeKey = Form.useWatch('typeKey', form);
  const save = useVersionedWrite(ticket.id, (values: Values) => updateTicket(ticket.id, editBody(ticket, values)), {
    onSuccess: onClose,
    onOtherError: (error) => {
      return setFieldErrors(form, error);
    },
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('detail.edit')}
      width={560}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="ticket-edit-save">
            {t('common:actions.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={valuesOf(ticket)}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="typeKey" label={t('fields.type')} rules={[{ required: true }]}>
          <Select options={types.options} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="channel" label={t('fields.channel')} style={{ width: '50%' }}>
            <Select options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          </Form.Item>
          <Form.Item name="priority" label={t('fields.priority')} style={{ width: '50%' }}>
            <Select options={PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="subject" label={t('fields.subject')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input id="edit-subject" />
        </Form.Item>
        <Form.Item name="description" label={t('fields.description')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea id="edit-description" autoSize={{ minRows: 4, maxRows: 14 }} />
        </Form.Item>
        <Form.Item name="tags" label={t('fields.tags')}>
          <Select mode="tags" open={false} suffixIcon={null} />
        </Form.Item>
        {types.isComplaint(typeKey) && (
          <Form.Item name="isMajor" label={t('fields.isMajor')} valuePropName="checked" extra={t('create.majorHint')}>
            <Switch />
          </Form.Item>
        )}
        <Form.Item name="nextReplyAt" label={t('fields.nextReplyAt')}>
          <NextReplyPresets id="edit-next-reply" testIdPrefix="edit-next-reply" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
