import { PlusOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Progress, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyHint } from '../../../components/EmptyHint';
import { formatDateTime } from '../../../components/format';
import { callbackCampaignsListKey, listCallbackCampaigns } from './api';
import { CampaignDrawer } from './CampaignDrawer';
import { campaignProgress, type FilterKey, filterEntries } from './campaignForm';
import type { CallbackCampaign } from './types';

const STATUSES = ['pending', 'done', 'unreached', 'cancelled', 'unassigned'] as const;

/** A past round's customer filter, in words ("grade: A, B · key customers only"). */
function FilterSummary({ filter }: { filter: Record<string, unknown> }) {
  const { t } = useTranslation(['callbacksPlans', 'customers']);
  const entries = filterEntries(filter);
  if (entries.length === 0) return <Typography.Text type="secondary">{t('campaigns.allCustomers')}</Typography.Text>;
  const value = (key: FilterKey, raw: string) => {
    if (key === 'kind') return t(`customers:kind.${raw as 'company' | 'person'}`);
    if (key === 'isKey') return raw === 'true' ? t('customers:keyCustomer.only') : t('customers:keyCustomer.not');
    if (key === 'ownerId') return t('campaigns.ownerChosen');
    return raw;
  };
  return (
    <Space size={[0, 4]} wrap>
      {entries.map(([key, raw]) => (
        <Tag key={key}>
          {key === 'isKey' || key === 'kind' ? '' : `${t(`campaigns.filterKey.${key}`)}: `}
          {value(key, raw)}
        </Tag>
      ))}
    </Space>
  );
}

/**
 * 回访活动: one round of callbacks over the customers a customer-list filter selects (in my data
 * scope), each dealt to a callback specialist; the past rounds with their progress now. For
 * callbacks.manage.
 */
export function CampaignsPage() {
  const { t } = useTranslation(['callbacksPlans', 'common']);
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: callbackCampaignsListKey, queryFn: listCallbackCampaigns });
  const items = list.data?.items ?? [];
  const openNew = () => setCreating(true);

  return (
    <PageContainer content={t('campaigns.intro')}>
      <Card
        size="small"
        title={t('campaigns.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="campaign-new">
            {t('campaigns.new')}
          </Button>
        }
      >
        <Table<CallbackCampaign>
          data-testid="campaigns-table"
          rowKey="id"
          size="middle"
          loading={list.isLoading}
          dataSource={items}
          pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 1040 }}
          onRow={(row) => ({ 'data-campaign': row.name }) as object}
          locale={{
            emptyText: (
              <EmptyHint
                testId="campaigns-empty"
                text={t('campaigns.empty')}
                action={{ label: t('campaigns.new'), icon: <PlusOutlined />, onClick: openNew }}
              />
            ),
          }}
          columns={[
            {
              title: t('campaigns.name'),
              key: 'name',
              fixed: 'left',
              width: 200,
              render: (_, row) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{row.name}</Typography.Text>
                  {row.planName && row.planName !== row.name && (
                    <Typography.Text type="secondary">{row.planName}</Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t('campaigns.customers'),
              key: 'filter',
              width: 220,
              render: (_, row) => <FilterSummary filter={row.filter} />,
            },
            {
              title: t('campaigns.createdAt'),
              key: 'createdAt',
              width: 160,
              render: (_, row) => (
                <Space direction="vertical" size={0}>
                  <span>{formatDateTime(row.createdAt)}</span>
                  {row.createdByName && <Typography.Text type="secondary">{row.createdByName}</Typography.Text>}
                </Space>
              ),
            },
            {
              title: t('campaigns.customerCount'),
              dataIndex: 'customerCount',
              width: 100,
              align: 'right',
              render: (n: number) => n.toLocaleString(),
            },
            {
              title: t('campaigns.callbackCount'),
              dataIndex: 'callbackCount',
              width: 100,
              align: 'right',
              render: (n: number) => n.toLocaleString(),
            },
            {
              title: (
                <Tooltip title={t('campaigns.progressHint')}>
                  <span>{t('campaigns.progress')}</span>
                </Tooltip>
              ),
              key: 'progress',
              width: 200,
              render: (_, row) => {
                const progress = campaignProgress(row);
                return (
                  <Tooltip
                    title={
                      <Space direction="vertical" size={0}>
                        {STATUSES.map((s) => (
                          <span key={s}>
                            {t(`campaigns.status.${s}`)}: {row.counts[s].toLocaleString()}
                          </span>
                        ))}
                      </Space>
                    }
                  >
                    <div data-testid="campaign-progress">
                      <Progress percent={progress.percent} size="small" />
                      <Typography.Text type="secondary">
                        {t('campaigns.doneOfTotal', {
                          done: progress.done.toLocaleString(),
                          total: progress.total.toLocaleString(),
                        })}
                      </Typography.Text>
                    </div>
                  </Tooltip>
                );
              },
            },
            {
              title: t('campaigns.attention'),
              key: 'attention',
              width: 160,
              render: (_, row) => (
                <Space size={[0, 4]} wrap>
                  {row.counts.unreached > 0 && (
                    <Tag color="orange">{t('campaigns.unreachedN', { n: row.counts.unreached.toLocaleString() })}</Tag>
                  )}
                  {row.counts.unassigned > 0 && (
                    <Tooltip title={t('campaigns.unassignedHint')}>
                      <Tag color="red">{t('campaigns.unassignedN', { n: row.counts.unassigned.toLocaleString() })}</Tag>
                    </Tooltip>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {creating && <CampaignDrawer onClose={() => setCreating(false)} />}
    </PageContainer>
  );
}
