import { Button, Empty, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { cellLabel, type Translate } from './targets';
import type { Grade, MatrixCell, Metric, Policy, PolicyMatrix, Priority } from './types';

/** A click on a cell: the row (type × priority × grade) and the metric. */
export type CellTarget = { typeKey: string; priority: Priority; customerGrade: Grade | null; metric: Metric };

/** Whether the cell's resolved policy is the cell's own (names this type, priority and grade) or a general one. */
export function isOwnPolicy(policy: Policy | undefined, cell: MatrixCell): boolean {
  return (
    !!policy &&
    policy.typeKey === cell.typeKey &&
    policy.priority === cell.priority &&
    (policy.customerGrade ?? null) === cell.customerGrade
  );
}

type Row = MatrixCell & { key: string; typeName: string; span: number };

/**
 * The policy matrix: rows = ticket type × priority (of one customer grade), columns = metrics;
 * each cell shows the target that applies ("2 小时 · 工作时间 · 法定工作日"), lighter when it comes
 * from a general policy. Pure (data in props) so it renders the same in tests.
 */
export function PolicyMatrixTable({
  matrix,
  policies,
  calendarNames,
  grade,
  typeKey,
  onCell,
}: {
  matrix: PolicyMatrix;
  policies: ReadonlyMap<string, Policy>;
  calendarNames: ReadonlyMap<string, string>;
  /** The grade shown (null: the grade-less matrix). */
  grade: Grade | null;
  /** Only this ticket type (undefined: all). */
  typeKey?: string;
  onCell?: (target: CellTarget) => void;
}) {
  const { t } = useTranslation(['slaPolicies', 'tickets']);
  const typeName = new Map(matrix.types.map((type) => [type.key, type.name]));
  const rank = new Map(matrix.types.map((type, i) => [type.key, i]));
  const prio = new Map(matrix.priorities.map((p, i) => [p, i]));
  const cells = matrix.cells
    .filter((c) => c.customerGrade === grade && (!typeKey || c.typeKey === typeKey))
    .sort(
      (a, b) =>
        (rank.get(a.typeKey) ?? 0) - (rank.get(b.typeKey) ?? 0) ||
        (prio.get(a.priority) ?? 0) - (prio.get(b.priority) ?? 0),
    );
  const rows: Row[] = cells.map((cell, i) => ({
    ...cell,
    key: `${cell.typeKey}:${cell.priority}:${cell.customerGrade ?? ''}`,
    typeName: typeName.get(cell.typeKey) ?? cell.typeKey,
    span: i > 0 && cells[i - 1]?.typeKey === cell.typeKey ? 0 : cells.filter((c) => c.typeKey === cell.typeKey).length,
  }));

  const metricColumn = (metric: Metric): ColumnsType<Row>[number] => ({
    title: t(`metric.${metric}`),
    key: metric,
    width: 170,
    render: (_, row) => {
      const resolved = row.policies[metric] ?? null;
      const policy = resolved ? policies.get(resolved.id) : undefined;
      const label = cellLabel(
        t as unknown as Translate,
        resolved,
        policy ? calendarNames.get(policy.calendarId) : undefined,
      );
      const own = isOwnPolicy(policy, row);
      const hint = resolved ? t(own ? 'matrix.own' : 'matrix.inherited', { name: resolved.name }) : t('matrix.setHere');
      const content = (
        <Typography.Text type={label ? undefined : 'secondary'} strong={own} style={{ whiteSpace: 'normal' }}>
          {label ?? t('matrix.notSet')}
        </Typography.Text>
      );
      const testId = `matrix-cell-${row.typeKey}-${row.priority}-${metric}`;
      return onCell ? (
        <Tooltip title={hint}>
          <Button
            type="text"
            size="small"
            className={`kefu-matrix-cell ${own ? 'kefu-matrix-own' : resolved ? 'kefu-matrix-inherited' : 'kefu-matrix-empty'}`}
            data-testid={testId}
            aria-label={`${row.typeName} ${t(`tickets:priority.${row.priority}`)} ${t(`metric.${metric}`)}: ${label ?? t('matrix.notSet')}`}
            style={{
              height: 'auto',
              padding: '2px 4px',
              textAlign: 'left',
              whiteSpace: 'normal',
              opacity: own || !resolved ? 1 : 0.75,
            }}
            onClick={() =>
              onCell({ typeKey: row.typeKey, priority: row.priority, customerGrade: row.customerGrade, metric })
            }
          >
            {content}
          </Button>
        </Tooltip>
      ) : (
        <span data-testid={testId}>{content}</span>
      );
    },
  });

  const columns: ColumnsType<Row> = [
    {
      title: t('matrix.type'),
      dataIndex: 'typeName',
      fixed: 'left',
      width: 110,
      onCell: (row) => ({ rowSpan: row.span }),
    },
    {
      title: t('matrix.priority'),
      dataIndex: 'priority',
      width: 80,
      render: (_, row) => t(`tickets:priority.${row.priority}`),
    },
    ...matrix.metrics.map(metricColumn),
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<Row>
        rowKey="key"
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 190 + matrix.metrics.length * 170 }}
        dataSource={rows}
        columns={columns}
        locale={{ emptyText: <Empty description={t('matrix.empty')} /> }}
        data-testid="policy-matrix"
      />
      {!matrix.metrics.includes('team_handling') && (
        <Typography.Text type="secondary">{t('matrix.teamNote')}</Typography.Text>
      )}
    </Space>
  );
}
