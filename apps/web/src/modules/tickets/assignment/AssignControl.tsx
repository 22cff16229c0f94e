import { UserAddOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { App, Button, Form, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setFieldErrors } from '../../../api/formErrors';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { UserSelect } from '../../users/UserSelect';
import { assignTicket } from '../core/api';
import type { AssignStrategy, Ticket } from '../core/types';
import { useVersionedWrite } from '../core/useTicket';

type Values = { strategy: AssignStrategy; assigneeId?: string };

/** "Take it" for anyone who works on tickets; "Assign" (manual, round-robin, least-loaded) with tickets.assign. */
export function AssignControl({
  ticket,
  canAssign,
  canWrite,
}: {
  ticket: Ticket;
  canAssign: boolean;
  canWrite: boolean;
}) {
  const { t } = useTranslation(['ticketsAssignment', 'tickets']);
  const { message } = App.useApp();
  const me = useCurrentUser().data;
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const strategy = Form.useWatch('strategy', form);
  const assign = useVersionedWrite(
    ticket.id,
    (values: Values) => assignTicket(ticket.id, { version: ticket.version, ...values }),
    {
      onSuccess: (_, values) => {
        setOpen(false);
        message.success(values.strategy === 'take' ? t('assign.taken') : t('assign.done'));
      },
      onOtherError: (error) => {
        return setFieldErrors(form, error);
      },
    },
  );
  const mine = !!me && ticket.assignee?.id === me.id;

  return (
    <>
      {canWrite && !mine && (
        <Button
          icon={<UserAddOutlined />}
          loading={assign.isPending && assign.variables?.strategy === 'take'}
          onClick={() => assign.mutate({ strategy: 'take' })}
          data-testid="assign-take"
        >
          {t('assign.take')}
        </Button>
      )}
      {canAssign && (
        <Button icon={<UserSwitchOutlined />} onClick={() => setOpen(true)} data-testid="assign-open">
          {t('assign.action')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('assign.title')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: assign.isPending }}
        destroyOnHidden
      >
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ strategy: 'manual' }}
          onFinish={(values) => assign.mutate(values)}
        >
          <Form.Item name="strategy">
            <Radio.Group>
              {(['manual', 'round_robin', 'least_loaded', 'unassign'] as const).map((s) => (
                <Radio key={s} value={s}>
                  {t(`assign.strategy.${s}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          {strategy === 'manual' && (
            <Form.Item name="assigneeId" label={t('tickets:fields.assignee')} rules={[{ required: true }]}>
              <UserSelect
                initialOption={
                  ticket.assignee ? { value: ticket.assignee.id, label: ticket.assignee.displayName } : null
                }
              />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
