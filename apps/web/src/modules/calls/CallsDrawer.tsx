import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Drawer, Grid, List, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyHint } from '../../components/EmptyHint';
import { formatDateTime } from '../../components/format';
import { callListKey, listCalls } from './api';
import type { CallListQuery, CallOutcome, CallRecord } from './types';

/** What a drill-down opens: the period, and a queue or an agent (with its title). */
export type CallsFilter = { title: string; from: string; to: string; queue?: string; agent?: string };

const OUTCOME_COLORS: Record<CallOutcome, string> = {
  answered: 'green',
  abandoned: 'red',
  timeout: 'orange',
  exit_key: 'blue',
  exit_empty: 'purple',
  unresolved: 'default',
};

export const PAGE_SIZE = 20;

/** The query the drawer sends (the unit test fills the cache under it). */
export const drawerQueryOf = (filter: CallsFilter, page: number): CallListQuery => ({
  from: filter.from,
  to: filter.to,
  ...(filter.queue ? { queue: filter.queue } : {}),
  ...(filter.agent ? { agent: filter.agent } : {}),
  page,
  pageSize: PAGE_SIZE,
});

/** The calls under a KPI row (a queue or an agent in the period), newest first; a list on phones. */
export function CallsDrawer({ filter, onClose }: { filter: CallsFilter | null; onClose: () => void }) {
  const { t } = useTranslation('calls');
  const phone = Grid.useBreakpoint().md === false;
  const [page, setPage] = useState(1);
  const query = filter ? drawerQueryOf(filter, page) : undefined;
  const calls = useQuery({
    queryKey: callListKey(query ?? {}),
    queryFn: () => listCalls(query ?? {}),
    enabled: !!query,
    placeholderData: keepPreviousData,
  });
  const outcome = (o: CallOutcome) => <Tag color={OUTCOME_COLORS[o]}>{t(`outcomes.${o}`)}</Tag>;
  const seconds = (v: number | null) => (v === null ? '—' : t('secondsValue', { n: v }));
  const customer = (row: CallRecord) =>
    row.customerId && row.customerName ? (
      <Link to={`/customers/${row.customerId}`}>{row.customerName}</Link>
    ) : (
      (row.callerNumber ?? '—')
    );
  const empty = <EmptyHint testId="call-drawer-empty" text={t('drawer.empty')} />;
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: calls.data?.total ?? 0,
    onChange: setPage,
    showSizeChanger: false,
  };
  return (
    <Drawer
      open={!!filter}
      onClose={() => {
        setPage(1);
        onClose();
      }}
      width={phone ? '100%' : 900}
      title={filter ? t('drawer.title', { name: filter.title }) : undefined}
      destroyOnHidden
    >
      <div data-testid="call-drawer">
        {phone ? (
          <List<CallRecord>
            loading={calls.isLoading}
            dataSource={calls.data?.items ?? []}
            locale={{ emptyText: empty }}
            pagination={pagination}
            renderItem={(row) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <>
                      {outcome(row.outcome)} {formatDateTime(row.enteredAt)}
                    </>
                  }
                  description={
                    <Typography.Text type="secondary">
                      {row.queue} · {customer(row)} · {t('drawer.waitShort')} {seconds(row.waitSeconds)} ·{' '}
                      {t('drawer.talkShort')} {seconds(row.talkSeconds)}
                    </Typography.Text>
                  }
                />
              </List.Item>
            )}
          />
        ) : (
          <Table<CallRecord>
            size="small"
            rowKey="id"
            loading={calls.isLoading}
            dataSource={calls.data?.items ?? []}
            locale={{ emptyText: empty }}
            pagination={pagination}
            scroll={{ x: 820 }}
            columns={[
              { title: t('drawer.enteredAt'), key: 'at', width: 150, render: (_, r) => formatDateTime(r.enteredAt) },
              { title: t('drawer.queue'), dataIndex: 'queue', width: 110 },
              { title: t('drawer.caller'), key: 'caller', width: 150, render: (_, r) => customer(r) },
              { title: t('drawer.agent'), key: 'agent', width: 120, render: (_, r) => r.agentName ?? r.agent ?? '—' },
              { title: t('drawer.outcome'), key: 'outcome', width: 100, render: (_, r) => outcome(r.outcome) },
              {
                title: t('drawer.wait'),
                key: 'wait',
                width: 80,
                align: 'right',
                render: (_, r) => seconds(r.waitSeconds),
              },
              {
                title: t('drawer.talk'),
                key: 'talk',
                width: 80,
                align: 'right',
                render: (_, r) => seconds(r.talkSeconds),
              },
              {
                title: t('drawer.ticket'),
                key: 'ticket',
                width: 80,
                render: (_, r) =>
                  r.ticketId ? <Link to={`/tickets/${r.ticketId}`}>{t('drawer.openTicket')}</Link> : '—',
              },
            ]}
          />
        )}
      </div>
    </Drawer>
  );
}
