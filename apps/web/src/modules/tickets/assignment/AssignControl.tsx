import { UserAddOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { assignTicket } from '../core/api';
import type { Ticket } from '../core/types';
import { useVersionedWrite } from '../core/useTicket';
import { AssignDialog } from './AssignDialog';

/**
 * 我来处理 (take it, one click) for anyone who works on tickets; 分派 (the assign dialog) with
 * tickets.assign. On an unassigned ticket both are the page's primary actions (`ticket-take`,
 * `ticket-assign`); otherwise plain buttons (`assign-take`, `assign-open`).
 */
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
  const take = useVersionedWrite(
    ticket.id,
    () => assignTicket(ticket.id, { version: ticket.version, strategy: 'take' }),
    {
      onSuccess: () => message.success(t('assign.taken')),
    },
  );
  const mine = !!me && ticket.assignee?.id === me.id;
  const primary = !ticket.assignee && canWrite;

  return (
    <>
      {canWrite && !mine && (
        <Button
          type={primary ? 'primary' : 'default'}
          icon={<UserAddOutlined />}
          loading={take.isPending}
          onClick={() => take.mutate(undefined)}
          data-testid={primary ? 'ticket-take' : 'assign-take'}
        >
          {t('assign.take')}
        </Button>
      )}
      {canAssign && (
        <Button
          type={primary ? 'primary' : 'default'}
          ghost={primary}
          icon={<UserSwitchOutlined />}
          onClick={() => setOpen(true)}
          data-testid={primary ? 'ticket-assign' : 'assign-open'}
        >
          {t('assign.action')}
        </Button>
      )}
      {canAssign && <AssignDialog ticket={ticket} open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
