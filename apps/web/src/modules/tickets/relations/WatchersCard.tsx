import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccess } from '../../auth/useAccess';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { UserSelect } from '../../users/UserSelect';
import { addWatcher, removeWatcher } from '../core/api';
import type { Ticket } from '../core/types';
import { refreshTicket } from '../core/useTicket';

/** Watchers of the ticket: watch / unwatch myself, add or remove colleagues. */
export function WatchersCard({ ticket, canWrite }: { ticket: Ticket; canWrite: boolean }) {
  const { t } = useTranslation('ticketsRelations');
  const queryClient = useQueryClient();
  const me = useCurrentUser().data;
  const canPick = useAccess().can('users.read');
  const [picked, setPicked] = useState<string | undefined>();
  const watching = !!me && ticket.watchers.some((w) => w.id === me.id);
  const change = useMutation({
    mutationFn: ({ userId, add }: { userId: string; add: boolean }) =>
      add ? addWatcher(ticket.id, userId) : removeWatcher(ticket.id, userId),
    onSuccess: async () => {
      setPicked(undefined);
      await refreshTicket(queryClient, ticket.id);
    },
  });

  return (
    <Card
      size="small"
      title={t('watchers.title')}
      data-testid="watchers"
      extra={
        me && (
          <Button
            size="small"
            icon={watching ? <EyeInvisibleOutlined /> : <EyeOutlined />}
            loading={change.isPending && change.variables?.userId === me.id}
            onClick={() => change.mutate({ userId: me.id, add: !watching })}
            data-testid="watch-toggle"
          >
            {watching ? t('watchers.unwatch') : t('watchers.watch')}
          </Button>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {ticket.watchers.length === 0 ? (
          <Typography.Text type="secondary">{t('watchers.empty')}</Typography.Text>
        ) : (
          <Space size={[4, 4]} wrap>
            {ticket.watchers.map((w) => (
              <Tag
                key={w.id}
                closable={canWrite}
                onClose={(event) => {
                  event.preventDefault();
                  change.mutate({ userId: w.id, add: false });
                }}
              >
                {w.displayName}
              </Tag>
            ))}
          </Space>
        )}
        {canWrite && canPick && (
          <Space.Compact style={{ width: '100%' }}>
            <UserSelect
              value={picked}
              onChange={setPicked}
              placeholder={t('watchers.add')}
              excludeIds={ticket.watchers.map((w) => w.id)}
              style={{ width: '100%' }}
            />
            <Button
              disabled={!picked}
              onClick={() => picked && change.mutate({ userId: picked, add: true })}
              loading={change.isPending && change.variables?.userId === picked}
            >
              {t('watchers.add')}
            </Button>
          </Space.Compact>
        )}
      </Space>
    </Card>
  );
}
