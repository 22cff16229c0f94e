import { QuestionCircleOutlined } from '@ant-design/icons';
import { Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SlaMetricName, SlaReportGroup, SlaReportRow } from './reportTypes';
import { compareRate, escalationsText, formatRate, rateColor } from './slaReportCharts';

function Rate({ rate }: { rate: number | null }) {
  return <Typography.Text style={{ color: rateColor(rate) }}>{formatRate(rate)}</Typography.Text>;
}

/**
 * The report's rows (worst SLA rate first, as the server sends them): the SLA rate, each shown
 * metric's rate (met / breached / running on hover), paused minutes, escalations per level, late
 * firings. Scrolls sideways on a phone; the group column stays put.
 */
export function SlaReportTable({
  rows,
  metrics,
  groupBy,
  loading,
}: {
  rows: readonly SlaReportRow[];
  metrics: readonly SlaMetricName[];
  groupBy: SlaReportGroup;
  loading: boolean;
}) {
  const { t } = useTranslation('slaReport');
  const columns: TableColumnsType<SlaReportRow> = [
    { title: t(`groups.${groupBy}`), dataIndex: 'label', fixed: 'left', width: 140, ellipsis: true },
    {
      title: t('table.slaRate'),
      dataIndex: 'slaRate',
      width: 110,
      align: 'right',
      sorter: compareRate,
      render: (rate: number | null) => <Rate rate={rate} />,
    },
    ...metrics.map((metric): TableColumnsType<SlaReportRow>[number] => ({
      key: metric,
      title: t(`metrics.${metric}`),
      width: 110,
      align: 'right',
      sorter: (a, b) =>
        compareRate({ ...a, slaRate: a.metrics[metric].rate }, { ...b, slaRate: b.metrics[metric].rate }),
      render: (_, row) => {
        const f = row.metrics[metric];
        if (f.total === 0 && f.open === 0) return <Typography.Text type="secondary">{t('table.none')}</Typography.Text>;
        return (
          <Tooltip title={t('table.rateDetail', { met: f.met, breached: f.breached, open: f.open })}>
            <span>
              <Rate rate={f.rate} />
              <Typography.Text type="secondary"> ({f.total})</Typography.Text>
            </span>
          </Tooltip>
        );
      },
    })),
    { title: t('table.paused'), dataIndex: 'pausedMinutes', width: 100, align: 'right' },
    {
      title: t('table.escalations'),
      key: 'escalations',
      width: 180,
      render: (_, row) =>
        escalationsText(row.escalationsByLevel, (level) => t('table.level', { level })) || t('table.none'),
    },
    {
      title: (
        <Tooltip title={t('table.lateHelp')}>
          <span>
            {t('table.late')} <QuestionCircleOutlined />
          </span>
        </Tooltip>
      ),
      dataIndex: 'lateFirings',
      width: 100,
      align: 'right',
    },
  ];
  return (
    <Table<SlaReportRow>
      rowKey="key"
      size="middle"
      loading={loading}
      dataSource={[...rows]}
      columns={columns}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
    />
  );
}
