import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Dropdown,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { downloadFile } from '../../../api/download';
import { EChart } from '../../../components/EChart';
import { EmptyHint } from '../../../components/EmptyHint';
import {
  getIntakeReport,
  INTAKE_FIGURES,
  INTAKE_GROUPS,
  type IntakeFigure,
  type IntakeGroup,
  type IntakeGroupBy,
  type IntakeReportQuery,
  intakeExportUrl,
  intakeReportKey,
} from './intakeApi';
import { delta, intakeGroupsOption, intakeTrendOption, isEmptyIntake } from './intakeCharts';
import { monthPeriod, type Period } from './reportPeriod';

type Choice = 'thisMonth' | 'lastMonth' | 'custom';

/** A figure's title with its definition on hover. */
function Defined({ title, definition }: { title: string; definition: string }) {
  return (
    <Tooltip title={definition}>
      <span style={{ cursor: 'help' }}>
        {title} <QuestionCircleOutlined style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }} />
      </span>
    </Tooltip>
  );
}

/**
 * 投诉受理: complaints received, closed, open, overdue and major in a period against the period
 * before, per type, channel or department, with a received/closed trend (docs/reports.md).
 */
export function IntakeReportPage() {
  const { t } = useTranslation(['ticketsMeasures', 'common']);
  const [choice, setChoice] = useState<Choice>('thisMonth');
  const [custom, setCustom] = useState<Period>(() => monthPeriod(0));
  const [groupBy, setGroupBy] = useState<IntakeGroupBy>('type');
  const period = choice === 'custom' ? custom : monthPeriod(choice === 'lastMonth' ? -1 : 0);
  const query: IntakeReportQuery = { ...period, groupBy };
  const report = useQuery({
    queryKey: intakeReportKey(query),
    queryFn: () => getIntakeReport(query),
    placeholderData: keepPreviousData,
  });
  const exportFile = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => downloadFile(intakeExportUrl(format, query), `complaint-intake.${format}`),
  });
  const data = report.data;
  const labels = useMemo(
    () => Object.fromEntries(INTAKE_FIGURES.map((f) => [f, t(`intake.figures.${f}`)])) as Record<IntakeFigure, string>,
    [t],
  );
  const trendOption = useMemo(() => (data ? intakeTrendOption(data.trend, labels) : undefined), [data, labels]);
  const groupsOption = useMemo(() => (data ? intakeGroupsOption(data.groups, labels) : undefined), [data, labels]);
  const empty = data ? isEmptyIntake(data) : false;
  const defined = (f: IntakeFigure) => <Defined title={labels[f]} definition={t(`intake.definitions.${f}`)} />;

  const columns: TableColumnsType<IntakeGroup> = [
    { title: t(`intake.groups.${groupBy}`), dataIndex: 'name', ellipsis: true },
    ...INTAKE_FIGURES.map((f) => ({
      title: defined(f),
      dataIndex: f,
      width: 52,
      align: 'right' as const,
    })),
  ];

  return (
    <PageContainer content={t('intake.intro')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Space wrap size={[16, 8]}>
            <Segmented<Choice>
              data-testid="intake-period"
              value={choice}
              onChange={setChoice}
              options={(['thisMonth', 'lastMonth', 'custom'] as const).map((c) => ({
                value: c,
                label: t(`intake.periods.${c}`),
              }))}
            />
            {choice === 'custom' && (
              <DatePicker.RangePicker
                allowClear={false}
                value={[dayjs(custom.from), dayjs(custom.to)]}
                style={{ maxWidth: '100%' }}
                onChange={(range) => {
                  const [from, to] = range ?? [];
                  if (from && to) setCustom({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
                }}
              />
            )}
            <Space size={8} wrap>
              <Typography.Text>{t('intake.groupBy')}</Typography.Text>
              <Segmented<IntakeGroupBy>
                data-testid="intake-group-by"
                value={groupBy}
                onChange={setGroupBy}
                options={INTAKE_GROUPS.map((g) => ({ value: g, label: t(`intake.groups.${g}`) }))}
              />
            </Space>
            <Dropdown
              menu={{
                items: [
                  { key: 'xlsx', label: t('intake.export.xlsx') },
                  { key: 'csv', label: t('intake.export.csv') },
                ],
                onClick: ({ key }) => exportFile.mutate(key as 'csv' | 'xlsx'),
              }}
            >
              <Button icon={<DownloadOutlined />} loading={exportFile.isPending} data-testid="intake-export">
                {t('intake.export.button')}
              </Button>
            </Dropdown>
          </Space>
          {data && (
            <div>
              <Typography.Text type="secondary">
                {t('intake.compared', {
                  from: data.period.from,
                  to: data.period.to,
                  previousFrom: data.previousPeriod.from,
                  previousTo: data.previousPeriod.to,
                })}
              </Typography.Text>
            </div>
          )}
        </Card>
        <Row gutter={[12, 12]} data-testid="intake-totals">
          {INTAKE_FIGURES.map((f) => (
            <Col key={f} xs={12} sm={8} lg={4} flex="auto">
              <Card size="small" loading={report.isLoading}>
                <Statistic title={defined(f)} value={data?.totals[f] ?? 0} />
                <Tooltip title={t('intake.previousHint')}>
                  <Typography.Text type="secondary">
                    {t('intake.previous', {
                      n: data?.previousTotals[f] ?? 0,
                      delta: data ? delta(data.totals[f], data.previousTotals[f]) : '0',
                    })}
                  </Typography.Text>
                </Tooltip>
              </Card>
            </Col>
          ))}
        </Row>
        {empty ? (
          <Card size="small">
            <EmptyHint
              text={t('intake.empty')}
              action={{ label: t('intake.emptyAction'), to: '/tickets/new' }}
              testId="intake-empty"
            />
          </Card>
        ) : (
          <>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Card
                  size="small"
                  title={<Defined title={t('intake.charts.trend')} definition={t('intake.definitions.trend')} />}
                  loading={report.isLoading}
                >
                  {trendOption && <EChart option={trendOption} height={260} data-testid="intake-trend-chart" />}
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card size="small" title={t(`intake.charts.by.${groupBy}`)} loading={report.isLoading}>
                  {groupsOption && <EChart option={groupsOption} height={280} data-testid="intake-groups-chart" />}
                </Card>
              </Col>
            </Row>
            <Card size="small" title={t(`intake.charts.by.${groupBy}`)} styles={{ body: { padding: 0 } }}>
              <Table<IntakeGroup>
                rowKey="key"
                size="small"
                tableLayout="fixed"
                loading={report.isFetching}
                dataSource={data?.groups ?? []}
                columns={columns}
                pagination={false}
                data-testid="intake-table"
              />
            </Card>
          </>
        )}
        <Typography.Text type="secondary">
          {t('intake.rootCauseLink')} <Link to="/tickets/reports">{t('intake.rootCauseLinkText')}</Link>
        </Typography.Text>
      </Space>
    </PageContainer>
  );
}
