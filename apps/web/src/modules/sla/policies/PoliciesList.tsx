import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { EmptyHint } from '../../../components/EmptyHint';
import { ActiveTag } from '../../../components/RowActions';
import { cellLabel, type Translate } from './targets';
import type { Policy } from './types';

/** Every policy as a plain list (also the team targets, which the matrix leaves out). */
export function PoliciesList({
  policies,
  loading,
  typeName,
  calendarNames,
  ladderNames,
  onEdit,
}: {
  policies: Policy[];
  loading: boolean;
  typeName: (key: string) => string;
  calendarNames: ReadonlyMap<string, string>;
  ladderNames: ReadonlyMap<string, string>;
  onEdit?: (policy: Policy) => void;
}) {
  const { t } = useTranslation(['slaPolicies', 'tickets', 'common']);
  const any = t('fields.any');
  return (
    <Table<Policy>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={policies}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 900 }}
      locale={{ emptyText: <EmptyHint text={t('policy.empty')} /> }}
      onRow={(row) => (onEdit ? { onClick: () => onEdit(row), style: { cursor: 'pointer' } } : {})}
      columns={[
        { title: t('fields.name'), dataIndex: 'name', width: 200 },
        { title: t('fields.metric'), dataIndex: 'metric', width: 110, render: (_, r) => t(`metric.${r.metric}`) },
        {
          title: t('fields.typeKey'),
          dataIndex: 'typeKey',
          width: 110,
          render: (_, r) => (r.typeKey ? typeName(r.typeKey) : any),
        },
        {
          title: t('fields.priority'),
          dataIndex: 'priority',
          width: 80,
          render: (_, r) => (r.priority ? t(`tickets:priority.${r.priority}`) : any),
        },
        {
          title: t('fields.grade'),
          dataIndex: 'customerGrade',
          width: 80,
          render: (_, r) => r.customerGrade ?? any,
        },
        {
          title: t('fields.target'),
          key: 'target',
          render: (_, r) =>
            cellLabel(
              t as unknown as Translate,
              { ...r, name: r.name },
              calendarNames.get(r.calendarId) ?? r.calendarId,
            ),
        },
        {
          title: t('fields.ladder'),
          dataIndex: 'ladderId',
          width: 150,
          render: (_, r) => (r.ladderId ? <Tag color="orange">{ladderNames.get(r.ladderId) ?? '-'}</Tag> : '-'),
        },
        {
          title: t('common:fields.status'),
          dataIndex: 'isActive',
          width: 80,
          render: (_, r) => <ActiveTag active={r.isActive} />,
        },
      ]}
    />
  );
}
