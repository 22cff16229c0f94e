import { type ActionType, PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Popconfirm, Segmented, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { alreadyShown } from '../../../api/errors';
import type { SortOrderMap } from '../../../api/listQuery';
import { useRealtimeRefresh } from '../../../api/realtime';
import { EmptyHint } from '../../../components/EmptyHint';
import { formatDateTime } from '../../../components/format';
import { useAccess } from '../../auth/useAccess';
import { listMeasures, measuresQueryKey, updateMeasure } from './api';
import { DoneDialog, EditDialog } from './MeasureDialogs';
import {
  filtersFromSearch,
  filtersToSearch,
  MEASURE_STATUSES,
  type MeasureFilters,
  measureActions,
  STATUS_COLOR,
  statusBody,
  toMeasureQuery,
} from './measureQuery';
import type { Measure, UpdateMeasureBody } from './types';

/**
 * 整改措施: improvement measures across tickets, followed to completion — start, mark done (with
 * what was done), cancel, change the due date or owner. The filters live in the address.
 */
export function MeasuresPage() {
  const { t } = useTranslation(['ticketsMeasures', 'common']);
  const { message } = App.useApp();
  const access = useAccess();
  const canWrite = access.can('tickets.write');
  const queryClient = useQueryClient();
  const actionRef = useRef<ActionType>(null);
  const [search, setSearch] = useSearchParams();
  // Supervisors see their scope by default; everybody else their own measures.
  const filters = useMemo(
    () => filtersFromSearch(search, access.can('tickets.assign') ? 'all' : 'mine'),
    [search, access],
  );
  const setFilters = (next: Partial<MeasureFilters>) =>
    setSearch(filtersToSearch({ ...filters, ...next }), { replace: true });
  const [finishing, setFinishing] = useState<Measure | null>(null);
  const [editing, setEditing] = useState<Measure | null>(null);
  useRealtimeRefresh(['ticket.measure_updated'], () => actionRef.current?.reload());

  const patch = useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateMeasureBody }) => updateMeasure(id, body),
    onSuccess: async () => {
      message.success(t('common:feedback.saved'));
      // Ticket pages show the measures too (inactive queries are only marked stale).
      await queryClient.invalidateQueries({ queryKey: ['tickets'] });
      await queryClient.invalidateQueries({ queryKey: measuresQueryKey });
      actionRef.current?.reload();
    },
  });
  const act = (measure: Measure, body: UpdateMeasureBody) => patch.mutateAsync({ id: measure.id, body });

  const columns: ProColumns<Measure>[] = [
    {
      title: t('fields.ticket'),
      dataIndex: 'ticketNumber',
      width: 200,
      sorter: true,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Link to={`/tickets/${row.ticketId}`}>{row.ticketNumber}</Link>
          <Typography.Text type="secondary" ellipsis={{ tooltip: row.ticketSubject }} style={{ maxWidth: 180 }}>
            {row.ticketSubject}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('fields.title'),
      dataIndex: 'title',
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Text>{row.title}</Typography.Text>
          {row.status === 'done' && row.doneNote && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: row.doneNote }} style={{ maxWidth: 360 }}>
              {t('doneNoteLine', { note: row.doneNote })}
            </Typography.Text>
          )}
        </Space>
      ),
    },
    { title: t('fields.owner'), dataIndex: ['owner', 'displayName'], width: 110 },
    {
      title: t('fields.dueDate'),
      dataIndex: 'dueDate',
      width: 130,
      sorter: true,
      defaultSortOrder: 'ascend',
      render: (_, row) =>
        row.overdue ? (
          <Space size={4} data-testid="measure-overdue">
            <Typography.Text type="danger" strong>
              {row.dueDate}
            </Typography.Text>
            <Tag color="red">{t('overdue')}</Tag>
          </Space>
        ) : (
          row.dueDate
        ),
    },
    {
      title: t('common:fields.status'),
      dataIndex: 'status',
      width: 150,
      sorter: true,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Tag color={STATUS_COLOR[row.status]}>{t(`status.${row.status}`)}</Tag>
          {row.doneAt && <Typography.Text type="secondary">{formatDateTime(row.doneAt)}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: t('common:fields.updatedAt'),
      dataIndex: 'updatedAt',
      width: 150,
      sorter: true,
      render: (_, row) => formatDateTime(row.updatedAt),
    },
    {
      title: t('common:fields.actions'),
      valueType: 'option',
      width: 200,
      hideInTable: !canWrite,
      render: (_, row) =>
        measureActions(row).map((action) => {
          switch (action) {
            case 'start':
              return (
                <Button
                  key={action}
                  type="link"
                  size="small"
                  onClick={() => act(row, statusBody('start')).catch(alreadyShown)}
                >
                  {t('actions.start')}
                </Button>
              );
            case 'done':
              return (
                <Button key={action} type="link" size="small" onClick={() => setFinishing(row)}>
                  {t('actions.done')}
                </Button>
              );
            case 'edit':
              return (
                <Button key={action} type="link" size="small" onClick={() => setEditing(row)}>
                  {t('actions.edit')}
                </Button>
              );
            case 'cancel':
              return (
                <Popconfirm
                  key={action}
                  title={t('actions.cancelConfirm', { title: row.title })}
                  onConfirm={() => act(row, statusBody('cancel')).catch(alreadyShown)}
                >
                  <Button type="link" size="small" danger>
                    {t('actions.cancel')}
                  </Button>
                </Popconfirm>
              );
            case 'reopen':
              return (
                <Popconfirm
                  key={action}
                  title={t('actions.reopenConfirm', { title: row.title })}
                  onConfirm={() => act(row, statusBody('reopen')).catch(alreadyShown)}
                >
                  <Button type="link" size="small">
                    {t('actions.reopen')}
                  </Button>
                </Popconfirm>
              );
            default:
              return null;
          }
        }),
    },
  ];

  return (
    <PageContainer content={t('intro')}>
      <ProTable<Measure, MeasureFilters>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        search={false}
        params={filters}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        locale={{ emptyText: <EmptyHint text={t('emptyHint.list')} /> }}
        options={{ reload: true, density: false, setting: false }}
        request={async ({ current, pageSize, ...given }, sort) => {
          const query = toMeasureQuery(given as MeasureFilters, { current, pageSize }, sort as SortOrderMap);
          const page = await listMeasures(query);
          return { data: page.items, total: page.total, success: true };
        }}
        headerTitle={
          filters.ticketId ? (
            <Tag closable onClose={() => setFilters({ ticketId: undefined })}>
              {t('filters.oneTicket')}
            </Tag>
          ) : undefined
        }
        toolBarRender={() => [
          <Segmented<MeasureFilters['scope']>
            key="scope"
            value={filters.scope}
            onChange={(scope) => setFilters({ scope })}
            options={[
              { value: 'mine', label: t('filters.mine') },
              { value: 'all', label: t('filters.all') },
            ]}
          />,
          <Select
            key="status"
            mode="multiple"
            allowClear
            maxTagCount="responsive"
            placeholder={t('filters.status')}
            style={{ minWidth: 200 }}
            value={filters.statuses}
            onChange={(statuses) => setFilters({ statuses })}
            options={MEASURE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />,
          <Tooltip key="overdue" title={t('filters.overdueHint')}>
            <Checkbox checked={filters.overdueOnly} onChange={(e) => setFilters({ overdueOnly: e.target.checked })}>
              {t('filters.overdue')}
            </Checkbox>
          </Tooltip>,
        ]}
      />
      <DoneDialog
        measure={finishing}
        onClose={() => setFinishing(null)}
        onSubmit={(measure, doneNote) => act(measure, statusBody('done', doneNote))}
      />
      <EditDialog measure={editing} onClose={() => setEditing(null)} onSubmit={act} />
    </PageContainer>
  );
}
