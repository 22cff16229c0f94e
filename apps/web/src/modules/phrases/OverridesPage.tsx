import {
  type ActionType,
  ModalForm,
  PageContainer,
  type ProColumns,
  ProFormTextArea,
  ProTable,
} from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Space, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listOverrides, overridesKey, reviewOverride } from './api';
import type { ForbiddenOverride, OverrideStatus } from './types';

const STATUSES: OverrideStatus[] = ['unreviewed', 'reviewed', 'all'];

/** Replies sent despite forbidden phrases, with the agent's reason, for the supervisor to review. */
export function OverridesPage() {
  const { t } = useTranslation(['phrases', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const actionRef = useRef<ActionType>(null);
  const [status, setStatus] = useState<OverrideStatus>('unreviewed');
  const [reviewing, setReviewing] = useState<ForbiddenOverride | null>(null);
  const [form] = Form.useForm<{ note?: string }>();
  const review = useMutation({
    mutationFn: ({ id, note }: { id: string; note?: string }) => reviewOverride(id, note?.trim() || undefined),
    meta: { form },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: overridesKey });
      actionRef.current?.reload();
    },
  });

  const columns: ProColumns<ForbiddenOverride>[] = [
    {
      title: t('overrides.sentAt'),
      dataIndex: 'createdAt',
      width: 150,
      render: (_, row) => dayjs(row.createdAt).format('YYYY-MM-DD HH:mm'),
    },
    { title: t('overrides.author'), dataIndex: 'authorName', width: 100 },
    {
      title: t('overrides.ticket'),
      dataIndex: 'ref',
      width: 130,
      render: (_, row) => <Link to={`/tickets/${row.ticketId}`}>{row.ref ?? row.ticketId.slice(0, 8)}</Link>,
    },
    {
      title: t('overrides.hits'),
      dataIndex: 'hits',
      render: (_, row) => (
        <Space size={[4, 4]} wrap>
          {row.hits.map((hit) => (
            <Tooltip key={`${hit.phraseId}-${hit.start}`} title={`${t('hits.instead')}${hit.alternative}`}>
              <Tag color="red">{hit.matched}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    { title: t('overrides.reason'), dataIndex: 'reason' },
    {
      title: t('overrides.review'),
      dataIndex: 'reviewedAt',
      width: 220,
      render: (_, row) =>
        row.reviewedAt ? (
          <Space direction="vertical" size={0}>
            <Typography.Text>
              {t('overrides.reviewedBy', {
                name: row.reviewerName ?? '-',
                at: dayjs(row.reviewedAt).format('YYYY-MM-DD HH:mm'),
              })}
            </Typography.Text>
            {row.reviewNote && <Typography.Text type="secondary">{row.reviewNote}</Typography.Text>}
          </Space>
        ) : (
          <Tag color="warning">{t('overrides.pending')}</Tag>
        ),
    },
    {
      title: t('common:fields.actions'),
      valueType: 'option',
      width: 90,
      render: (_, row) =>
        row.reviewedAt ? null : (
          <Button type="link" size="small" onClick={() => setReviewing(row)}>
            {t('overrides.reviewAction')}
          </Button>
        ),
    },
  ];

  return (
    <PageContainer content={t('overrides.intro')}>
      <ProTable<ForbiddenOverride, { status: OverrideStatus }>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={false}
        params={{ status }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        options={{ density: false, setting: false }}
        toolbar={{
          menu: {
            type: 'tab',
            activeKey: status,
            items: STATUSES.map((key) => ({ key, label: t(`overrides.status.${key}`) })),
            onChange: (key) =>
              setStatus(STATUSES.includes(key as OverrideStatus) ? (key as OverrideStatus) : 'unreviewed'),
          },
        }}
        request={async ({ current, pageSize }) => {
          const query = { status, page: current ?? 1, pageSize: pageSize ?? 20 };
          const page = await queryClient.fetchQuery({
            queryKey: [...overridesKey, query],
            queryFn: () => listOverrides(query),
            staleTime: 0,
          });
          return { data: page.items, total: page.total, success: true };
        }}
      />
      <ModalForm<{ note?: string }>
        key={reviewing?.id ?? 'none'}
        title={t('overrides.reviewTitle')}
        open={reviewing !== null}
        onOpenChange={(open) => !open && setReviewing(null)}
        form={form}
        width={520}
        modalProps={{ destroyOnHidden: true }}
        onFinish={async (values) => {
          if (!reviewing) return false;
          try {
            await review.mutateAsync({ id: reviewing.id, note: values.note });
          } catch {
            return false;
          }
          message.success(t('overrides.reviewed'));
          return true;
        }}
      >
        {reviewing && (
          <Typography.Paragraph>
            <Typography.Text type="secondary">{t('overrides.reasonLabel')}</Typography.Text>
            {reviewing.reason}
          </Typography.Paragraph>
        )}
        <ProFormTextArea name="note" label={t('overrides.note')} rules={[{ max: 1000 }]} />
      </ModalForm>
    </PageContainer>
  );
}
