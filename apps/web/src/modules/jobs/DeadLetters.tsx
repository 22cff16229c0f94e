import { type ActionType, type ProColumns, ProTable } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Popconfirm, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { alreadyShown } from '../../api/errors';
import type { DeadLetter } from '../../api/types';
import { EmptyHint } from '../../components/EmptyHint';
import { useAccess } from '../auth/useAccess';
import { deadLettersQueryKey, listDeadLetters, retryDeadLetter } from './api';

/**
 * Event deliveries that failed every attempt (the outbox's dead letters): which event, for which
 * part of the system, about which record, and the last error; jobs.manage may deliver one again.
 */
export function DeadLetters() {
  const { t } = useTranslation(['jobs', 'common']);
  const { message } = App.useApp();
  const canManage = useAccess().can('jobs.manage');
  const queryClient = useQueryClient();
  const actionRef = useRef<ActionType>(null);
  const retry = useMutation({
    mutationFn: retryDeadLetter,
    onSuccess: () => {
      message.success(t('deadLetters.retried'));
      actionRef.current?.reload();
    },
  });
  const eventLabel = (name: string) => t(`events.${name}`, { defaultValue: t('deadLetters.otherEvent') });
  const listenerLabel = (name: string) => t(`listeners.${name}`, { defaultValue: t('deadLetters.otherListener') });
  const recordLabel = (type: string) => t(`records.${type}`, { defaultValue: t('deadLetters.otherRecord') });

  const columns: ProColumns<DeadLetter>[] = [
    { title: t('deadLetters.fields.event'), dataIndex: 'eventName', render: (_, row) => eventLabel(row.eventName) },
    { title: t('deadLetters.fields.listener'), dataIndex: 'listener', render: (_, row) => listenerLabel(row.listener) },
    {
      title: t('deadLetters.fields.record'),
      dataIndex: 'aggregateType',
      render: (_, row) => recordLabel(row.aggregateType),
    },
    { title: t('deadLetters.fields.attempts'), dataIndex: 'attempts', valueType: 'digit' },
    { title: t('deadLetters.fields.createdAt'), dataIndex: 'createdAt', valueType: 'dateTime' },
    { title: t('deadLetters.fields.failedAt'), dataIndex: 'failedAt', valueType: 'dateTime' },
    {
      title: t('common:fields.actions'),
      valueType: 'option',
      hideInTable: !canManage,
      render: (_, row) => [
        <Popconfirm
          key="retry"
          title={t('deadLetters.retryConfirm')}
          onConfirm={() => retry.mutateAsync({ eventId: row.eventId, listener: row.listener }).catch(alreadyShown)}
        >
          <Button type="link" size="small">
            {t('retry')}
          </Button>
        </Popconfirm>,
      ],
    },
  ];

  return (
    <ProTable<DeadLetter>
      rowKey={(row) => `${row.eventId}/${row.listener}`}
      actionRef={actionRef}
      columns={columns}
      search={false}
      headerTitle={t('deadLetters.intro')}
      scroll={{ x: 'max-content' }}
      pagination={{ defaultPageSize: 20, showSizeChanger: true }}
      locale={{ emptyText: <EmptyHint text={t('emptyHint.deadLetters')} /> }}
      expandable={{
        expandedRowRender: (row) => (
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('deadLetters.fields.lastError')}>
              <Typography.Paragraph code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', margin: 0 }}>
                {row.lastError ?? '-'}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
        ),
      }}
      request={async ({ current, pageSize }) => {
        const query = { page: current ?? 1, pageSize: pageSize ?? 20 };
        const page = await queryClient.fetchQuery({
          queryKey: [...deadLettersQueryKey, query],
          queryFn: () => listDeadLetters(query),
          staleTime: 0,
        });
        return { data: page.items, total: page.total, success: true };
      }}
    />
  );
}
