import { PlusOutlined } from '@ant-design/icons';
import {
  type ActionType,
  ModalForm,
  PageContainer,
  type ProColumns,
  ProFormDateRangePicker,
  ProFormText,
  ProTable,
} from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Popconfirm, Progress, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alreadyShown } from '../../../api/errors';
import type { EvaluationRound } from '../../../api/types';
import { formatDateTime } from '../../../components/format';
import { useAccess } from '../../auth/useAccess';
import { closeRound, createRound, getRound, gradingKey, listRounds } from '../settings/settingsApi';
import { RoundDrawer } from './RoundDrawer';
import { percent, suggestedQuarter } from './roundPeriod';

/** Progress of one round within the caller's data scope (the detail carries the total). */
function RoundProgress({ round }: { round: EvaluationRound }) {
  const detail = useQuery({
    queryKey: [...gradingKey, 'round', round.id],
    queryFn: () => getRound(round.id),
    staleTime: 60_000,
  });
  const progress = detail.data?.progress;
  if (!progress) return <Progress percent={0} size="small" status="normal" />;
  return (
    <Progress
      size="small"
      style={{ minWidth: 160 }}
      percent={percent(progress.evaluated, progress.total)}
      format={() => `${progress.evaluated}/${progress.total}`}
      status={round.status === 'open' ? 'active' : 'normal'}
      data-testid="round-progress"
    />
  );
}

type CreateValues = { name: string; period: [string, string] };

export function EvaluationRoundsPage() {
  const { t } = useTranslation(['customersGrading', 'common']);
  const { message } = App.useApp();
  const canEvaluate = useAccess().can('customers.evaluate');
  const queryClient = useQueryClient();
  const actionRef = useRef<ActionType>(null);
  const [form] = Form.useForm<CreateValues>();
  const [viewing, setViewing] = useState<EvaluationRound | null>(null);
  const [takenStarts, setTakenStarts] = useState<string[]>([]);
  const quarter = suggestedQuarter(new Date(), takenStarts);
  const afterChange = async () => {
    await queryClient.invalidateQueries({ queryKey: gradingKey });
    actionRef.current?.reload();
  };
  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      createRound({ name: v.name.trim(), periodStart: v.period[0], periodEnd: v.period[1] }),
    meta: { form },
    onSuccess: afterChange,
  });
  const close = useMutation({ mutationFn: (id: string) => closeRound(id), onSuccess: afterChange });

  const columns: ProColumns<EvaluationRound>[] = [
    {
      title: t('rounds.name'),
      dataIndex: 'name',
      search: false,
      render: (_, row) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setViewing(row)}>
          {row.name}
        </Button>
      ),
    },
    {
      title: t('rounds.period'),
      key: 'period',
      search: false,
      render: (_, row) => `${row.periodStart} ~ ${row.periodEnd}`,
    },
    {
      title: t('common:fields.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: { open: { text: t('rounds.status.open') }, closed: { text: t('rounds.status.closed') } },
      render: (_, row) => (
        <Tag color={row.status === 'open' ? 'processing' : 'default'}>{t(`rounds.status.${row.status}`)}</Tag>
      ),
    },
    { title: t('rounds.progress'), key: 'progress', search: false, render: (_, row) => <RoundProgress round={row} /> },
    { title: t('rounds.createdBy'), dataIndex: 'createdByName', search: false },
    {
      title: t('common:fields.createdAt'),
      dataIndex: 'createdAt',
      search: false,
      render: (_, row) => formatDateTime(row.createdAt),
    },
    {
      title: t('rounds.closedAt'),
      dataIndex: 'closedAt',
      search: false,
      render: (_, row) => formatDateTime(row.closedAt),
    },
    {
      title: t('common:fields.actions'),
      valueType: 'option',
      render: (_, row) => [
        <Button key="view" type="link" size="small" onClick={() => setViewing(row)}>
          {t('rounds.view')}
        </Button>,
        canEvaluate && row.status === 'open' && (
          <Popconfirm
            key="close"
            title={t('rounds.closeConfirm', { name: row.name })}
            onConfirm={() => close.mutateAsync(row.id).catch(alreadyShown)}
          >
            <Button type="link" size="small" danger>
              {t('rounds.close')}
            </Button>
          </Popconfirm>
        ),
      ],
    },
  ];

  return (
    <PageContainer>
      <ProTable<EvaluationRound, { status?: 'open' | 'closed' }>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20 }}
        request={async ({ current, pageSize, status }) => {
          const page = await listRounds({ page: current, pageSize, status });
          setTakenStarts(page.items.map((r) => r.periodStart));
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() => [
          canEvaluate && (
            <ModalForm<CreateValues>
              key="create"
              title={t('rounds.create')}
              form={form}
              width={480}
              modalProps={{ destroyOnHidden: true }}
              trigger={
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('rounds.create')}
                </Button>
              }
              initialValues={{
                name: t('rounds.defaultName', { year: quarter.year, quarter: t(`rounds.quarters.${quarter.quarter}`) }),
                period: [quarter.start, quarter.end],
              }}
              onFinish={async (values) => {
                try {
                  await create.mutateAsync(values);
                } catch {
                  return false;
                }
                message.success(t('common:feedback.created'));
                return true;
              }}
            >
              <ProFormText
                name="name"
                label={t('rounds.name')}
                rules={[{ required: true, whitespace: true, max: 100 }]}
              />
              <ProFormDateRangePicker
                name="period"
                label={t('rounds.period')}
                rules={[{ required: true }]}
                fieldProps={{ style: { width: '100%' } }}
              />
            </ModalForm>
          ),
        ]}
      />
      <RoundDrawer round={viewing} onClose={() => setViewing(null)} />
    </PageContainer>
  );
}
