import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Col,
  Empty,
  Grid,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  TreeSelect,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EChart } from '../../../components/EChart';
import { useAccess } from '../../auth/useAccess';
import { toTreeOptions } from '../../departments/tree';
import { useDepartments } from '../../departments/useDepartments';
import { PeriodRangePicker } from './PeriodRangePicker';
import {
  changeRatio,
  formatShare,
  MEASURE_OUTCOMES,
  type MeasureOutcome,
  measuresChartOption,
  onTimeRate,
  type RankedCause,
  rankCauses,
  rootCauseChartHeight,
  rootCauseChartOption,
} from './reportCharts';
import { type Period, presetPeriod, toReportQuery } from './reportPeriod';
import { getRootCauseReport, ticketReportsKey } from './reportsApi';

/** +12.5% in red (more complaints), −8% in green; '-' without a previous figure. */
function Change({ ratio }: { ratio: number | null }) {
  if (ratio === null) return <Typography.Text type="secondary">-</Typography.Text>;
  if (ratio === 0) return <Typography.Text type="secondary">0%</Typography.Text>;
  const up = ratio > 0;
  return (
    <Typography.Text type={up ? 'danger' : 'success'}>
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {formatShare(Math.abs(ratio))}
    </Typography.Text>
  );
}

/**
 * 根本原因分析: the most frequent root causes of the complaints closed in a period, against the
 * period before, and how the improvement measures due in it were followed through.
 */
export function RootCauseReportPage() {
  const { t, i18n } = useTranslation(['ticketsMeasures', 'common']);
  const access = useAccess();
  const canPickDepartment = access.can('departments.read');
  const departments = useDepartments({ enabled: canPickDepartment });
  const [period, setPeriod] = useState<Period>(() => presetPeriod('thisMonth'));
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const query = toReportQuery(period, departmentId);
  const report = useQuery({
    queryKey: [...ticketReportsKey, 'root-causes', query],
    queryFn: () => getRootCauseReport(query),
    placeholderData: keepPreviousData,
  });
  const data = report.data;
  const causes = useMemo(() => rankCauses(data?.items ?? [], i18n.language), [data, i18n.language]);
  const labels = {
    current: t('reports.periods.current'),
    previous: t('reports.periods.previous'),
  };
  const causeOption = useMemo(
    () => rootCauseChartOption(causes, { current: labels.current, previous: labels.previous }),
    [causes, labels.current, labels.previous],
  );
  const outcomes = useMemo(
    () =>
      Object.fromEntries(MEASURE_OUTCOMES.map((o) => [o, t(`reports.measures.${o}`)])) as Record<
        MeasureOutcome,
        string
      >,
    [t],
  );
  const measuresOption = useMemo(
    () => (data ? measuresChartOption(data.measures, outcomes) : undefined),
    [data, outcomes],
  );
  const rate = data ? onTimeRate(data.measures) : null;

  const narrow = Grid.useBreakpoint().md === false;
  const allColumns: TableColumnsType<RankedCause> = [
    { title: t('reports.table.rank'), dataIndex: 'rank', width: 70, align: 'center' },
    { title: t('reports.table.rootCause'), dataIndex: 'label' },
    { title: t('reports.table.count'), dataIndex: 'count', width: 100, align: 'right' },
    {
      title: t('reports.table.share'),
      dataIndex: 'share',
      width: 200,
      render: (share: number) => (
        <Progress
          percent={Math.round(share * 1000) / 10}
          size="small"
          status="normal"
          format={() => formatShare(share)}
        />
      ),
    },
    { title: t('reports.table.previousCount'), dataIndex: 'previousCount', width: 110, align: 'right' },
    {
      title: t('reports.table.change'),
      dataIndex: 'change',
      width: 110,
      align: 'right',
      render: (change: number | null) => <Change ratio={change} />,
    },
  ];
  // On a phone: rank, cause, count and change only, in a fixed layout that fits 390 px.
  const columns = narrow
    ? allColumns
        .filter((c) => !['share', 'previousCount'].includes(String((c as { dataIndex?: string }).dataIndex)))
        .map((c) => ({ ...c, width: c.width ? Math.min(Number(c.width), 72) : undefined }))
    : allColumns;

  return (
    <PageContainer content={t('reports.intro')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Alert
          type="info"
          showIcon
          data-testid="root-cause-closed-only"
          message={
            <span>
              {t('reports.closedOnly')} <Link to="/tickets/reports/intake">{t('reports.closedOnlyLink')}</Link>
            </span>
          }
        />
        <Card size="small">
          <Space wrap size={16}>
            <Space wrap data-testid="report-period">
              <Typography.Text>{t('reports.filters.period')}</Typography.Text>
              <PeriodRangePicker value={period} onChange={setPeriod} />
            </Space>
            {canPickDepartment && (
              <TreeSelect
                allowClear
                showSearch
                treeNodeFilterProp="title"
                treeDefaultExpandAll
                placeholder={t('reports.filters.department')}
                style={{ width: 240, maxWidth: '100%' }}
                value={departmentId}
                onChange={(value?: string) => setDepartmentId(value || undefined)}
                treeData={toTreeOptions(departments.tree)}
              />
            )}
            {data && (
              <Typography.Text type="secondary">
                {t('reports.periods.compared', { from: data.previousPeriod.from, to: data.previousPeriod.to })}
              </Typography.Text>
            )}
          </Space>
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Card size="small" loading={report.isLoading}>
              <Statistic title={t('reports.stats.total')} value={data?.total ?? 0} />
              <Space size={4}>
                <Typography.Text type="secondary">
                  {t('reports.stats.previous', { n: data?.previousTotal ?? 0 })}
                </Typography.Text>
                <Change ratio={data ? changeRatio(data.total, data.previousTotal) : null} />
              </Space>
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small" loading={report.isLoading}>
              <Statistic title={t('reports.stats.unclassified')} value={data?.unclassified ?? 0} />
              <Typography.Text type="secondary">{t('reports.stats.unclassifiedHint')}</Typography.Text>
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small" loading={report.isLoading}>
              <Statistic title={t('reports.stats.measures')} value={data?.measures.total ?? 0} />
              <Typography.Text type="secondary">
                {t('reports.stats.cancelled', { n: data?.measures.cancelled ?? 0 })}
              </Typography.Text>
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small" loading={report.isLoading}>
              <Statistic
                title={t('reports.stats.onTimeRate')}
                value={rate === null ? '-' : formatShare(rate)}
                valueStyle={rate !== null && rate < 0.8 ? { color: '#cf1322' } : undefined}
              />
              <Typography.Text type="secondary">{t('reports.stats.onTimeRateHint')}</Typography.Text>
            </Card>
          </Col>
        </Row>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Card size="small" title={t('reports.charts.rootCauses')} loading={report.isLoading}>
              {causes.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.empty')} />
              ) : (
                <EChart
                  option={causeOption}
                  height={rootCauseChartHeight(causes.length)}
                  data-testid="root-cause-chart"
                />
              )}
            </Card>
          </Col>
          <Col xs={24} xl={9}>
            <Card size="small" title={t('reports.charts.measures')} loading={report.isLoading}>
              {!measuresOption || data?.measures.total === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.measures.empty')} />
              ) : (
                <EChart option={measuresOption} height={260} data-testid="measures-chart" />
              )}
            </Card>
          </Col>
        </Row>
        <Card size="small" title={t('reports.table.title')}>
          <Table<RankedCause>
            rowKey="rootCauseKey"
            size="middle"
            tableLayout={narrow ? 'fixed' : undefined}
            loading={report.isFetching}
            dataSource={causes}
            columns={columns}
            pagination={false}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.empty')} /> }}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
