import { DownloadOutlined } from '@ant-design/icons';
import { PageContainer, type ProColumns, ProTable } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../api/download';
import { type SortOrderMap, toListQuery } from '../../api/listQuery';
import type { AuditEntry } from '../../api/types';
import { EmptyHint } from '../../components/EmptyHint';
import { useCappedTotal } from '../../components/useCappedTotal';
import { useAccess } from '../auth/useAccess';
import { UserSelect } from '../users/UserSelect';
import { AuditDiff } from './AuditDiff';
import { type AuditFilters, auditExportUrl, auditQueryKey, listAudit } from './api';
import { AUDIT_ACTIONS, actionLabel, ENTITY_TYPES, entityTypeLabel } from './auditLabels';

type SearchValues = {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
};

const toIso = (value: unknown) => (value ? dayjs(value as string).toISOString() : undefined);

export function AuditPage() {
  const { t } = useTranslation(['audit', 'common']);
  const access = useAccess();
  const queryClient = useQueryClient();
  const cappedTotal = useCappedTotal('audit');
  // The export uses exactly the filters of the list on screen.
  const [filters, setFilters] = useState<AuditFilters>({});
  const exportFile = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => downloadFile(auditExportUrl(format, filters), `audit.${format}`),
  });

  const columns: ProColumns<AuditEntry>[] = [
    {
      title: t('fields.at'),
      dataIndex: 'at',
      valueType: 'dateTime',
      sorter: true,
      defaultSortOrder: 'descend',
      hideInSearch: true,
    },
    {
      title: t('fields.timeRange'),
      dataIndex: 'timeRange',
      valueType: 'dateTimeRange',
      hideInTable: true,
      search: { transform: (value: unknown[]) => ({ from: toIso(value[0]), to: toIso(value[1]) }) },
    },
    {
      title: t('fields.actor'),
      dataIndex: 'actorDisplayName',
      hideInSearch: true,
      render: (_, row) => {
        const name = row.actorDisplayName ?? row.actorName;
        if (!name) return t('system');
        return (
          <Tooltip title={[row.actorName, row.actorId].filter(Boolean).join(' · ')}>
            <span data-testid="audit-actor">{name}</span>
          </Tooltip>
        );
      },
    },
    {
      title: t('fields.actor'),
      dataIndex: 'actorId',
      hideInTable: true,
      renderFormItem: () => <UserSelect placeholder={t('hints.actor')} />,
    },
    {
      title: t('fields.action'),
      dataIndex: 'action',
      valueType: 'select',
      fieldProps: { showSearch: true, options: AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) })) },
      render: (_, row) => <Tag title={row.action}>{actionLabel(t, row.action)}</Tag>,
    },
    {
      title: t('fields.entityType'),
      dataIndex: 'entityType',
      valueType: 'select',
      fieldProps: { options: ENTITY_TYPES.map((e) => ({ value: e, label: entityTypeLabel(t, e) })) },
      render: (_, row) => <span title={row.entityType}>{entityTypeLabel(t, row.entityType)}</span>,
    },
    {
      title: t('fields.entityId'),
      dataIndex: 'entityId',
      hideInTable: true,
    },
    {
      title: t('fields.target'),
      dataIndex: 'targetLabel',
      hideInSearch: true,
      render: (_, row) => {
        if (!row.entityId) return '-';
        if (!row.targetLabel) return <Typography.Text copyable>{row.entityId}</Typography.Text>;
        return (
          <Typography.Text copyable={{ text: row.entityId, tooltips: [t('copyId'), t('copied')] }}>
            <Tooltip title={row.entityId}>
              <span data-testid="audit-target">{row.targetLabel}</span>
            </Tooltip>
          </Typography.Text>
        );
      },
    },
    { title: t('fields.ip'), dataIndex: 'ip', hideInSearch: true },
  ];

  return (
    <PageContainer>
      <ProTable<AuditEntry, SearchValues>
        rowKey="id"
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          showTotal: cappedTotal.showTotal,
        }}
        search={{ labelWidth: 'auto' }}
        locale={{ emptyText: <EmptyHint text={t('empty')} /> }}
        expandable={{ expandedRowRender: (row) => <AuditDiff entry={row} /> }}
        request={async (params, sort) => {
          const query = toListQuery(params, sort as SortOrderMap);
          setFilters(query);
          const page = await queryClient.fetchQuery({
            queryKey: [...auditQueryKey, query],
            queryFn: () => listAudit(query),
            staleTime: 0,
          });
          cappedTotal.record(page);
          return { data: page.items, total: page.total, success: true };
        }}
        toolBarRender={() =>
          access.can('audit.export')
            ? [
                <Button
                  key="csv"
                  icon={<DownloadOutlined />}
                  loading={exportFile.isPending && exportFile.variables === 'csv'}
                  onClick={() => exportFile.mutate('csv')}
                >
                  {t('export.csv')}
                </Button>,
                <Button
                  key="xlsx"
                  icon={<DownloadOutlined />}
                  loading={exportFile.isPending && exportFile.variables === 'xlsx'}
                  onClick={() => exportFile.mutate('xlsx')}
                >
                  {t('export.xlsx')}
                </Button>,
              ]
            : []
        }
      />
    </PageContainer>
  );
}
