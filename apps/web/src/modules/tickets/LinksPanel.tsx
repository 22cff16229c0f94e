import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { alreadyShown } from '../../api/errors';
import { addLink, listLinks, listTickets, removeLink, ticketKey, ticketsQueryKey } from './api';
import { COMPLAINT_RED, StatusTag } from './TicketMarks';
import type { Ticket } from './types';

/** Related tickets: list, link another (search by number or words), unlink. */
export function LinksPanel({ ticket, canWrite }: { ticket: Ticket; canWrite: boolean }) {
  const { t } = useTranslation('tickets');
  const queryClient = useQueryClient();
  const key = [...ticketKey(ticket.id), 'links'];
  const links = useQuery({ queryKey: key, queryFn: async () => (await listLinks(ticket.id)).items });
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), 300);
    return () => clearTimeout(timer);
  }, [search]);
  const candidates = useQuery({
    queryKey: [...ticketsQueryKey, 'list', 'link-picker', debounced],
    queryFn: () => listTickets({ queue: 'all', q: debounced, pageSize: 10 }),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
  });
  const change = useMutation({
    mutationFn: ({ linkedId, add }: { linkedId: string; add: boolean }) =>
      add ? addLink(ticket.id, linkedId) : removeLink(ticket.id, linkedId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ticketKey(ticket.id) }),
  });
  const linkedIds = new Set((links.data ?? []).map((l) => l.id));

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="links">
      {canWrite && (
        <Select<string>
          showSearch
          value={null}
          filterOption={false}
          onSearch={setSearch}
          placeholder={t('links.placeholder')}
          style={{ width: '100%', maxWidth: 480 }}
          loading={candidates.isFetching}
          options={(candidates.data?.items ?? [])
            .filter((item) => item.id !== ticket.id && !linkedIds.has(item.id))
            .map((item) => ({ value: item.id, label: `${item.number} · ${item.subject}` }))}
          onSelect={(linkedId) => change.mutate({ linkedId, add: true })}
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
