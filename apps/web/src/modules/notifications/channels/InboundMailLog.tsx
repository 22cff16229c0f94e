import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../components/format';
import { emailKey, type InboundMail, inboundKey, listInbound, pollEmail } from './providerApi';

const OUTCOME_COLOR: Record<string, string> = { created: 'success', threaded: 'processing', ignored: 'default' };

/** Mails fetched over IMAP and what became of each (new ticket, threaded onto one, ignored and why). */
export function InboundMailLog() {
  const { t } = useTranslation('notifications');
  const loose = t as unknown as (key: string, options?: { defaultValue?: string }) => string;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const query = useQuery({ queryKey: inboundKey(page), queryFn: () => listInbound(page) });
  const poll = useMutation({
    mutationFn: pollEmail,
    onSuccess: async (counts) => {
      const summary = Object.entries(counts)
        .filter(([, n]) => typeof n === 'number')
        .map(([key, n]) => `${loose(`email.outcome.${key}`, { defaultValue: key })} ${n}`)
        .join(' · ');
      message.success(t('email.polled', { summary: summary || '0' }));
      await queryClient.invalidateQueries({ queryKey: emailKey });
    },
  });

  return (
    <Card
      size="small"
      title={t('email.inboundTitle')}
      extra={
        <Tooltip title={t('email.pollNowHint')}>
          <Button loading={poll.isPending} onClick={() => poll.mutate()}>
            {t('email.pollNow')}
          </Button>
        </Tooltip>
      }
    >
      <Table<InboundMail>
        rowKey="id"
        size="small"
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('email.inboundEmpty')} /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: query.data?.total ?? 0,
          size: 'small',
          hideOnSinglePage: true,
          onChange: (next, pageSize) => setPage({ page: next, pageSize }),
        }}
        columns={[
          { title: t('email.receivedAt'), dataIndex: 'at', render: (_: string, row) => formatDateTime(row.at) },
          {
            title: t('email.sender'),
            dataIndex: 'fromAddress',
            render: (_: string, row) =>
              row.fromName ? `${row.fromName} <${row.fromAddress ?? ''}>` : (row.fromAddress ?? '-'),
          },
          {
            title: t('email.subject'),
            dataIndex: 'subject',
            render: (_: string, row) => (
              <Typography.Text ellipsis={{ tooltip: row.subject }} style={{ maxWidth: 280 }}>
                {row.subject ?? '-'}
              </Typography.Text>
            ),
          },
          {
            title: t('email.outcomeTitle'),
            dataIndex: 'outcome',
            render: (_: string, row) => (
              <Tooltip title={row.reason ?? undefined}>
                <Tag color={OUTCOME_COLOR[row.outcome]}>
                  {loose(`email.outcome.${row.outcome}`, { defaultValue: row.outcome })}
                </Tag>
              </Tooltip>
            ),
          },
          {
            title: t('email.ticket'),
            dataIndex: 'ticketId',
            render: (_: string, row) =>
              row.ticketId ? <Link to={`/tickets/${row.ticketId}`}>{t('email.open')}</Link> : '-',
          },
        ]}
      />
    </Card>
  );
}
