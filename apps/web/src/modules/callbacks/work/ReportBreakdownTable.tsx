import { QuestionCircleOutlined } from '@ant-design/icons';
import { Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type BreakdownRow, breakdownName, formatRate, rateColor } from './callbacksReport';

/**
 * The report's figures per specialist or per plan: customers due and covered, coverage, completed,
 * on time, on-time rate and unreached — lowest coverage first (who or which plan needs attention).
 */
export function ReportBreakdownTable(props: {
  rows: BreakdownRow[];
  kind: 'specialist' | 'plan';
  loading?: boolean;
  testId: string;
}) {
  const { t } = useTranslation('callbacksWork');
  const rows = [...props.rows].sort((a, b) => (a.coverage ?? 2) - (b.coverage ?? 2));
  const defined = (label: string, definition: string) => (
    <Tooltip title={definition}>
      {label} <QuestionCircleOutlined />
    </Tooltip>
  );
  const rate = (value: number | null) => (
    <Typography.Text style={{ color: rateColor(value) }}>{formatRate(value)}</Typography.Text>
  );
  return (
    <Table<BreakdownRow>
      data-testid={props.testId}
      size="small"
      loading={props.loading}
      pagination={false}
      scroll={{ x: 720 }}
      rowKey={(row) => ('assignee' in row ? (row.assignee?.id ?? 'pool') : (row.plan?.id ?? 'none'))}
      dataSource={rows}
      columns={[
        {
          title: props.kind === 'specialist' ? t('report.breakdown.specialist') : t('report.breakdown.plan'),
          key: 'name',
          fixed: 'left',
          width: 160,
          render: (_, row) => breakdownName(row, t('report.pool'), t('report.breakdown.noPlan')),
        },
        { title: t('report.breakdown.customersDue'), dataIndex: 'customersDue', align: 'right', width: 100 },
        { title: t('report.breakdown.customersCovered'), dataIndex: 'customersCovered', align: 'right', width: 90 },
        {
          title: defined(t('report.coverage'), t('report.coverageHelp')),
          dataIndex: 'coverage',
          align: 'right',
          width: 100,
          render: (value: number | null) => rate(value),
        },
        { title: t('report.breakdown.completed'), dataIndex: 'completed', align: 'right', width: 80 },
        { title: t('report.breakdown.completedOnTime'), dataIndex: 'completedOnTime', align: 'right', width: 90 },
        {
          title: defined(t('report.onTimeRate'), t('report.onTimeRateHelp')),
          dataIndex: 'onTimeRate',
          align: 'right',
          width: 100,
          render: (value: number | null) => rate(value),
        },
        { title: t('report.unreachedCount'), dataIndex: 'unreachedCount', align: 'right', width: 90 },
      ]}
    />
  );
}
