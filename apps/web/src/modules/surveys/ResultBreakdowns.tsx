import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Defined } from './ResultFigures';
import { roleLabel } from './surveyLabels';
import { formatFraction, formatNps, fractionColor, npsColor } from './surveyResults';
import type { SurveyResults } from './types';

type Staff = SurveyResults['byStaff'][number];
type Department = SurveyResults['byDepartment'][number];

/** Worst first: suppressed rows (no figure) last. */
const bySatisfied = (a: Staff, b: Staff) => (a.satisfied ?? 2) - (b.satisfied ?? 2);

/** Per person rated: ratings, share satisfied, mean; click a row to read their answers. */
export function StaffTable({
  rows,
  minSample,
  onOpen,
}: {
  rows: Staff[];
  minSample: number;
  onOpen: (row: Staff) => void;
}) {
  const { t } = useTranslation('surveys');
  const suppressed = <Typography.Text type="secondary">{t('results.suppressed', { n: minSample })}</Typography.Text>;
  return (
    <Table<Staff>
      data-testid="survey-results-staff"
      rowKey={(row) => `${row.userId}:${row.role}`}
      size="small"
      pagination={false}
      dataSource={[...rows].sort(bySatisfied)}
      scroll={{ x: 560 }}
      onRow={(row) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('results.staff'), dataIndex: 'name', render: (name: string | null) => name ?? t('results.unnamed') },
        { title: t('results.role'), dataIndex: 'role', width: 150, render: (role: string) => roleLabel(t, role) },
        { title: t('results.ratings'), dataIndex: 'ratings', width: 90, align: 'right' },
        {
          title: (
            <Defined label={t('results.satisfied')} definition={t('results.def.satisfied')} minSample={minSample} />
          ),
          dataIndex: 'satisfied',
          width: 150,
          align: 'right',
          render: (value: number | null) =>
            value === null ? suppressed : <span style={{ color: fractionColor(value) }}>{formatFraction(value)}</span>,
        },
        {
          title: <Defined label={t('results.mean')} definition={t('results.def.mean')} minSample={minSample} />,
          dataIndex: 'mean',
          width: 110,
          align: 'right',
          render: (value: number | null) => (value === null ? '—' : value.toFixed(2)),
        },
      ]}
    />
  );
}

/** Per department of the answers: responses, NPS, CSAT; click a row to read its answers. */
export function DepartmentTable({
  rows,
  minSample,
  onOpen,
}: {
  rows: Department[];
  minSample: number;
  onOpen: (row: Department) => void;
}) {
  const { t } = useTranslation('surveys');
  const suppressed = <Typography.Text type="secondary">{t('results.suppressed', { n: minSample })}</Typography.Text>;
  return (
    <Table<Department>
      data-testid="survey-results-departments"
      rowKey="departmentId"
      size="small"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 520 }}
      onRow={(row) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' } })}
      columns={[
        {
          title: t('results.department'),
          dataIndex: 'departmentName',
          render: (name: string | null) => name ?? t('results.unnamed'),
        },
        { title: t('results.responses'), dataIndex: 'responses', width: 90, align: 'right' },
        {
          title: <Defined label={t('results.nps')} definition={t('results.def.nps')} minSample={minSample} />,
          dataIndex: 'nps',
          width: 150,
          align: 'right',
          render: (value: number | null) =>
            value === null ? suppressed : <span style={{ color: npsColor(value) }}>{formatNps(value)}</span>,
        },
        {
          title: <Defined label={t('results.csat')} definition={t('results.def.csat')} minSample={minSample} />,
          dataIndex: 'csat',
          width: 150,
          align: 'right',
          render: (value: number | null) =>
            value === null ? suppressed : <span style={{ color: fractionColor(value) }}>{formatFraction(value)}</span>,
        },
      ]}
    />
  );
}

type Bucket = SurveyResults['trend'][number];

/** The trend as rows, newest first (under the chart); click a period to read its answers. */
export function TrendTable({
  results,
  onOpen,
}: {
  results: Pick<SurveyResults, 'trend' | 'period' | 'minSample'>;
  onOpen: (bucket: Bucket) => void;
}) {
  const { t } = useTranslation('surveys');
  const suppressed = (
    <Typography.Text type="secondary">{t('results.suppressed', { n: results.minSample })}</Typography.Text>
  );
  return (
    <Table<Bucket>
      data-testid="survey-results-trend-table"
      rowKey="period"
      size="small"
      dataSource={[...results.trend].reverse()}
      pagination={{ pageSize: 8, hideOnSinglePage: true, size: 'small' }}
      scroll={{ x: 420 }}
      onRow={(row) => ({ onClick: () => onOpen(row), style: { cursor: 'pointer' } })}
      columns={[
        {
          title: t(`periods.${results.period}`),
          dataIndex: 'period',
          render: (start: string) => (results.period === 'month' ? start.slice(0, 7) : start),
        },
        { title: t('results.responses'), dataIndex: 'responses', width: 90, align: 'right' },
        {
          title: t('results.nps'),
          dataIndex: 'nps',
          width: 150,
          align: 'right',
          render: (value: number | null, row) =>
            value === null ? (row.responses > 0 ? suppressed : '—') : formatNps(value),
        },
        {
          title: t('results.csat'),
          dataIndex: 'csat',
          width: 150,
          align: 'right',
          render: (value: number | null, row) =>
            value === null ? (row.responses > 0 ? suppressed : '—') : formatFraction(value),
        },
      ]}
    />
  );
}
