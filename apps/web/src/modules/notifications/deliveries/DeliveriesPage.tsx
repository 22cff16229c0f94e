import { PageContainer } from '@ant-design/pro-components';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Badge,
  Button,
  Card,
  Empty,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import { deliveriesKey, deliveriesPageKey, listDeliveries, resendDelivery } from '../api';
import { STATUS_COLOR, useLabels } from '../labels';
import { KNOWN_TOPICS } from '../topics';
import {
  DELIVERY_CHANNELS,
  DELIVERY_STATUSES,
  type DeliveriesQuery,
  type Delivery,
  type DeliveryChannel,
  type DeliveryStatus,
} from '../types';
import { canResend } from './canResend';
import { DeliveryDrawer } from './DeliveryDrawer';

type Tab = 'dead' | 'all';
type Filters = Omit<DeliveriesQuery, 'page' | 'pageSize'>;
type Paged = DeliveriesQuery & { page: number; pageSize: number };

/** The dead-letter count asks for one row: only `total` matters. */
export const DEAD_COUNT_QUERY: Paged = { status: 'dead', page: 1, pageSize: 1 };

/** The query a tab and its filters send (the dead tab pins the status). */
export function deliveriesQuery(tab: Tab, filters: Filters, page: number, pageSize: number): Paged {
  return { ...filters, ...(tab === 'dead' ? { status: 'dead' } : {}), page, pageSize };
}

/**
 * Every outgoing message and its fate: filters by status, channel, topic and recipient; the dead
 * letters (given up after the last attempt) in their own tab, first when there are any; the
 * attempts of one message (request, response, error) in a drawer; resend.
 */
export function DeliveriesPage() {
  const { t } = useTranslation('notifications');
  const { message } = App.useApp();
  const label = useLabels();
  const queryClient = useQueryClient();
  const dead = useQuery({
    queryKey: deliveriesPageKey(DEAD_COUNT_QUERY),
    queryFn: () => listDeliveries(DEAD_COUNT_QUERY),
  });
  const deadCount = dead.data?.total ?? 0;
  const [chosenTab, setTab] = useState<Tab>();
  // Dead letters first when there are any; the administrator's own choice wins once made.
  const tab: Tab = chosenTab ?? (deadCount > 0 ? 'dead' : 'all');
  const [filters, setFilters] = useState<Filters>({});
  const [recipient, setRecipient] = useState('');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string>();
  const query = deliveriesQuery(tab, filters, paging.page, paging.pageSize);
  const list = useQuery({
    queryKey: deliveriesPageKey(query),
    queryFn: () => listDeliveries(query),
    enabled: dead.isFetched,
    placeholderData: keepPreviousData,
  });
  const resend = useMutation({
    mutationFn: resendDelivery,
    onSuccess: async () => {
      message.success(t('deliveries.resent'));
      await queryClient.invalidateQueries({ queryKey: deliveriesKey });
    },
  });
  const filter = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPaging((p) => ({ ...p, page: 1 }));
  };
  const hasFilter = Object.values(filters).some(Boolean);

  return (
    <PageContainer
      content={t('deliveries.intro')}
      tabList={[
        {
          key: 'dead',
          tab: (
            <Tooltip title={t('deliveries.deadHint')}>
              <Space size={4}>
                {t('deliveries.tabs.dead')}
                <Badge count={deadCount} overflowCount={999} />
              </Space>
            </Tooltip>
          ),
        },
        { key: 'all', tab: t('deliveries.tabs.all') },
      ]}
      tabActiveKey={tab}
      onTabChange={(key) => {
        setTab(key === 'dead' ? 'dead' : 'all');
        setPaging((p) => ({ ...p, page: 1 }));
      }}
    >
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          {tab === 'all' && (
            <Select
              allowClear
              placeholder={t('deliveries.filter.status')}
              value={filters.status}
              onChange={(status?: DeliveryStatus) => filter({ status })}
              options={DELIVERY_STATUSES.map((s) => ({ value: s, label: label.status(s) }))}
              style={{ minWidth: 130 }}
            />
          )}
          <Select
            allowClear
            placeholder={t('deliveries.filter.channel')}
            value={filters.channel}
            onChange={(channel?: DeliveryChannel) => filter({ channel })}
            options={DELIVERY_CHANNELS.map((c) => ({ value: c, label: label.channel(c) }))}
            style={{ minWidth: 130 }}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('deliveries.filter.topic')}
            value={filters.topic}
            onChange={(topic?: string) => filter({ topic })}
            options={KNOWN_TOPICS.map((topic) => ({ value: topic, label: label.topic(topic) }))}
            style={{ minWidth: 170 }}
            popupMatchSelectWidth={false}
          />
          <Input.Search
            allowClear
            placeholder={t('deliveries.filter.recipient')}
            value={recipient}
            onChange={(e) => setRecipient(e.target.value)}
            onSearch={(value) => filter({ recipient: value.trim() || undefined })}
            style={{ width: 220 }}
          />
        </Space>
        <Table<Delivery>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          onRow={(row) => ({ onDoubleClick: () => setOpenId(row.id) })}
          locale={{
            emptyText: (
              <Empty
                description={
                  hasFilter ? t('deliveries.noMatch') : tab === 'dead' ? t('deliveries.noDead') : t('deliveries.empty')
                }
              />
            ),
          }}
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            hideOnSinglePage: true,
            showTotal: (total) => t('deliveries.total', { total }),
            onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
          }}
          columns={[
            {
              title: t('deliveries.createdAt'),
              dataIndex: 'createdAt',
              render: (_, row) => formatDateTime(row.createdAt),
            },
            {
              title: t('deliveries.status'),
              dataIndex: 'status',
              render: (_, row) => (
                <Tooltip title={label.statusHint(row.status)}>
                  <Tag color={STATUS_COLOR[row.status]}>{label.status(row.status)}</Tag>
                </Tooltip>
              ),
            },
            { title: t('deliveries.channel'), dataIndex: 'channel', render: (_, row) => label.channel(row.channel) },
            { title: t('deliveries.topic'), dataIndex: 'topic', render: (_, row) => label.topic(row.topic) },
            { title: t('deliveries.recipient'), dataIndex: 'recipient' },
            {
              title: t('deliveries.subject'),
              dataIndex: 'subject',
              render: (_, row) => (
                <Typography.Text ellipsis={{ tooltip: row.subject || undefined }} style={{ maxWidth: 240 }}>
                  {row.subject || '-'}
                </Typography.Text>
              ),
            },
            {
              title: (
                <Tooltip title={t('deliveries.attemptsHint')}>
                  <span>{t('deliveries.attempts')}</span>
                </Tooltip>
              ),
              dataIndex: 'attempts',
              align: 'right',
            },
            {
              title: t('deliveries.lastError'),
              dataIndex: 'lastError',
              render: (_, row) =>
                row.lastError ? (
                  <Typography.Text type="danger" ellipsis={{ tooltip: row.lastError }} style={{ maxWidth: 220 }}>
                    {row.lastError}
                  </Typography.Text>
                ) : row.nextAttemptAt && row.status !== 'sent' ? (
                  <Tooltip title={t('deliveries.nextAttemptHint')}>
                    <Typography.Text type="secondary">
                      {t('deliveries.nextAttempt', { at: formatDateTime(row.nextAttemptAt) })}
                    </Typography.Text>
                  </Tooltip>
                ) : (
                  '-'
                ),
            },
            {
              title: t('deliveries.actions'),
              key: 'actions',
              fixed: 'right',
              render: (_, row) => (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setOpenId(row.id)}>
                    {t('deliveries.details')}
                  </Button>
                  {canResend(row) && (
                    <Popconfirm
                      title={t('deliveries.resendConfirm')}
                      onConfirm={() => resend.mutateAsync(row.id).catch(() => undefined)}
                    >
                      <Button type="link" size="small">
                        {t('deliveries.resend')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <DeliveryDrawer
        id={openId}
        onClose={() => setOpenId(undefined)}
        onResend={(id) => resend.mutateAsync(id)}
        resending={resend.isPending}
      />
    </PageContainer>
  );
}
