import { type ActionType, PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Popconfirm, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alreadyShown } from '../../api/errors';
import type { Job, JobState } from '../../api/types';
import { EmptyHint } from '../../components/EmptyHint';
import { useAccess } from '../auth/useAccess';
import { JOB_STATES, jobsQueryKey, listJobs, retryJob } from './api';
import { DeadLetters } from './DeadLetters';

const STATE_COLOR: Record<(typeof JOB_STATES)[number], string> = {
  failed: 'error',
  retry: 'warning',
  active: 'processing',
  created: 'default',
  completed: 'success',
  cancelled: 'default',
};

const json = (value: unknown) => (
  <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }}>
    {value === null || value === undefined ? '-' : JSON.stringify(value, null, 2)}
  </Typography.Paragraph>
);

/**
 * Background jobs by state; failed ones can be retried by whoever holds jobs.manage. A second tab
 * lists the event deliveries that failed every attempt (dead letters).
 */
export function JobsPage() {
  const { t } = useTranslation(['jobs', 'common']);
  const { message } = App.useApp();
  const canManage = useAccess().can('jobs.manage');
  const queryClient = useQueryClient();
  const actionRef = useRef<ActionType>(null);
  const [state, setState] = useState<JobState>('failed');
  const [tab, setTab] = useState<'jobs' | 'deadLetters'>('jobs');
  const retry = useMutation({
    mutationFn: retryJob,
    onSuccess: () => {
      message.success(t('retried'));
      actionRef.current?.reload();
    },
  });

  const columns: ProColumns<Job>[] = [
    {
      title: t('fields.name'),
      dataIndex: 'name',
      render: (_, row) => <Typography.Text code>{row.name}</Typography.Text>,
    },
    {
      title: t('fields.state'),
      dataIndex: 'state',
      render: (_, row) => {
        const known = (JOB_STATES as readonly string[]).includes(row.state) ? (row.state as JobState) : undefined;
        return <Tag color={known ? STATE_COLOR[known] : undefined}>{known ? t(`states.${known}`) : row.state}</Tag>;
      },
    },
    { title: t('fields.retryCount'), dataIndex: 'retryCount', valueType: 'digit' },
    { title: t('fields.createdOn'), dataIndex: 'createdOn', valueType: 'dateTime' },
    { title: t('fields.startedOn'), dataIndex: 'startedOn', valueType: 'dateTime' },
    { title: t('fields.completedOn'), dataIndex: 'completedOn', valueType: 'dateTime' },
    {
      title: t('common:fields.actions'),
      valueType: 'option',
      hideInTable: !canManage || state !== 'failed',
      render: (_, row) => [
        <Popconfirm
          key="retry"
          title={t('retryConfirm')}
          onConfirm={() => retry.mutateAsync(row.id).catch(alreadyShown)}
        >
          <Button type="link" size="small">
            {t('retry')}
          </Button>
        </Popconfirm>,
      ],
    },
  ];

  return (
    <PageContainer
      content={t('intro')}
      tabList={[
        { key: 'jobs', tab: t('tabs.jobs') },
        { key: 'deadLetters', tab: t('tabs.deadLetters') },
      ]}
      tabActiveKey={tab}
      onTabChange={(key) => setTab(key === 'deadLetters' ? 'deadLetters' : 'jobs')}
    >
      {tab === 'deadLetters' ? (
        <DeadLetters />
      ) : (
        <ProTable<Job, { state: JobState }>
          rowKey="id"
          actionRef={actionRef}
          columns={columns}
          search={false}
          params={{ state }}
          scroll={{ x: 'max-content' }}
          pagination={{ defaultPageSize: 20, showSizeChanger: true }}
          locale={{ emptyText: <EmptyHint text={t('emptyHint.jobs')} /> }}
          toolbar={{
            menu: {
              type: 'tab',
              activeKey: state,
              items: JOB_STATES.map((key) => ({ key, label: t(`states.${key}`) })),
              onChange: (key) =>
                setState((JOB_STATES as readonly unknown[]).includes(key) ? (key as JobState) : 'failed'),
            },
          }}
          expandable={{
            expandedRowRender: (row) => (
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={t('fields.data')}>{json(row.data)}</Descriptions.Item>
                <Descriptions.Item label={t('fields.output')}>{json(row.output)}</Descriptions.Item>
              </Descriptions>
            ),
          }}
          request={async ({ current, pageSize }) => {
            const query = { state, page: current ?? 1, pageSize: pageSize ?? 20 };
            const page = await queryClient.fetchQuery({
              queryKey: [...jobsQueryKey, query],
              queryFn: () => listJobs(query),
              staleTime: 0,
            });
            return { data: page.items, total: page.total, success: true };
          }}
        />
      )}
    </PageContainer>
  );
}
