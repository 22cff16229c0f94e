import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { alreadyShown } from '../../../api/errors';
import { useAccess } from '../../auth/useAccess';
import { addLink, listLinks, mergeTicket, removeLink, ticketKey } from '../core/api';
import { COMPLAINT_RED, StatusTag } from '../core/TicketMarks';
import type { Ticket } from '../core/types';
import { useVersionedWrite } from '../core/useTicket';
import { TicketSearchSelect } from './TicketSearchSelect';

/**
 * Related tickets: list, link another (search by number or words), unlink; a supervisor merges a
 * duplicate into this ticket (its messages and history are kept, it ends `merged`).
 */
export function LinksPanel({ ticket, canWrite }: { ticket: Ticket; canWrite: boolean }) {
  const { t } = useTranslation('ticketsRelations');
  const { modal } = App.useApp();
  const queryClient = useQueryClient();
  const key = [...ticketKey(ticket.id), 'links'];
  const links = useQuery({ queryKey: key, queryFn: async () => (await listLinks(ticket.id)).items });
  const change = useMutation({
    mutationFn: ({ linkedId, add }: { linkedId: string; add: boolean }) =>
      add ? addLink(ticket.id, linkedId) : removeLink(ticket.id, linkedId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketKey(ticket.id) }),
  });
  const linkedIds = (links.data ?? []).map((l) => l.id);
  const merge = useVersionedWrite(ticket.id, (sourceId: string) =>
    mergeTicket(ticket.id, { sourceId, version: ticket.version }),
  );
  const canMerge = useAccess().can('tickets.supervise') && !['closed', 'merged'].includes(ticket.status);

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="links">
      {canWrite && (
        <TicketSearchSelect
          placeholder={t('links.placeholder')}
          excludeIds={[ticket.id, ...linkedIds]}
          onPick={(picked) => change.mutate({ linkedId: picked.id, add: true })}
        />
      )}
      {canMerge && (
        <TicketSearchSelect
          placeholder={t('links.mergePlaceholder')}
          excludeIds={[ticket.id]}
          testId="merge-picker"
          onPick={(picked) =>
            modal.confirm({
              title: t('links.mergeConfirm', { source: picked.number, target: ticket.number }),
              content: t('links.mergeHint'),
              onOk: () => merge.mutateAsync(picked.id).catch(alreadyShown),
            })
          }
        />
      )}
      {(links.data ?? []).length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('links.empty')} />
      ) : (
        <List
          size="small"
          loading={links.isLoading}
          dataSource={links.data ?? []}
          renderItem={(link) => (
            <List.Item
              actions={
                canWrite && link.relation === 'related'
                  ? [
                      <Popconfirm
                        key="remove"
                        title={t('links.remove')}
                        onConfirm={() => change.mutateAsync({ linkedId: link.id, add: false }).catch(alreadyShown)}
                      >
                        <Button size="small" type="link" danger>
                          {t('links.remove')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <Space size={6}>
                <Link to={`/tickets/${link.id}`}>{link.number}</Link>
                <Typography.Text style={link.isComplaint ? { color: COMPLAINT_RED } : undefined}>
                  {link.subject}
                </Typography.Text>
                <StatusTag status={link.status} />
                {link.relation !== 'related' && <Tag>{t(`links.relation.${link.relation}`)}</Tag>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
