import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyHint } from '../../../components/EmptyHint';
import { useAccess } from '../../auth/useAccess';
import type { UnreachedCallback } from './reportApi';

/** The callbacks due in the period left unreached, oldest first (as the server sends them). */
export function UnreachedTable({ rows, loading }: { rows: UnreachedCallback[]; loading: boolean }) {
  const { t } = useTranslation('callbacksWork');
  const access = useAccess();
  const canOpen = access.can('callbacks.work');
  const canSeeCustomer = access.can('customers.read');
  return (
    <Table<UnreachedCallback>
      data-testid="callbacks-report-unreached"
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 820 }}
      locale={{ emptyText: <EmptyHint testId="callbacks-report-unreached-empty" text={t('report.unreached.empty')} /> }}
      columns={[
        {
          title: t('report.unreached.customer'),
          key: 'customer',
          fixed: 'left',
          width: 180,
          render: (_, row) =>
            canSeeCustomer ? <Link to={`/customers/${row.customer.id}`}>{row.customer.name}</Link> : row.customer.name,
        },
        { title: t('report.unreached.dueDate'), dataIndex: 'dueDate', width: 110 },
        { title: t('report.unreached.attempts'), dataIndex: 'attempts', width: 90, align: 'right' },
        {
          title: t('report.unreached.assignee'),
          key: 'assignee',
          width: 120,
          render: (_, row) => row.assignee?.displayName ?? <Tag>{t('report.pool')}</Tag>,
        },
        {
          title: t('report.unreached.writeUp'),
          key: 'writeUp',
          render: (_, row) =>
            row.writeUp ? (
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: row.writeUp }} style={{ marginBottom: 0 }}>
                {row.writeUp}
              </Typography.Paragraph>
            ) : (
              <Tag color="orange">{t('report.unreached.noWriteUp')}</Tag>
            ),
        },
        {
          title: t('report.unreached.open'),
          key: 'open',
          width: 90,
          render: (_, row) =>
            canOpen ? (
              <Link to={`/callbacks/${row.id}`} data-testid="callbacks-report-open">
                {t('report.unreached.open')}
              </Link>
            ) : null,
        },
      ]}
    />
  );
}
