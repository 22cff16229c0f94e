import { Alert, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../components/format';
import type { CalendarPreview, MovedDeadline } from './types';

/** What a calendar change would do: how many open tickets' deadlines move, and which (before → after). */
export function PreviewResult({ preview }: { preview: CalendarPreview }) {
  const { t } = useTranslation('calendars');
  const due = (value: string | null) => (value ? formatDateTime(value) : t('preview.paused'));
  if (preview.total === 0)
    return <Alert type="success" showIcon message={t('preview.none')} data-testid="calendar-preview-result" />;
  return (
    <div data-testid="calendar-preview-result">
      <Alert type="warning" showIcon message={t('preview.moved', { count: preview.total })} />
      <Table<MovedDeadline>
        size="small"
        style={{ marginTop: 8 }}
        rowKey={(row) => `${row.ticketId}:${row.metric}`}
        pagination={preview.items.length > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: 480 }}
        dataSource={preview.items}
        columns={[
          {
            title: t('preview.ticket'),
            dataIndex: 'number',
            render: (_, row) => (
              <Link to={`/tickets/${row.ticketId}`} title={row.subject}>
                {row.number}
              </Link>
            ),
          },
          {
            title: t('preview.metric'),
            dataIndex: 'metric',
            render: (_, row) => t(`metric.${row.metric}`),
          },
          { title: t('preview.before'), dataIndex: 'dueBefore', render: (_, row) => due(row.dueBefore) },
          {
            title: t('preview.after'),
            dataIndex: 'dueAfter',
            render: (_, row) => <Typography.Text strong>{due(row.dueAfter)}</Typography.Text>,
          },
        ]}
      />
      {preview.total > preview.items.length && (
        <Typography.Text type="secondary">
          {t('preview.more', { shown: preview.items.length, count: preview.total })}
        </Typography.Text>
      )}
    </div>
  );
}
