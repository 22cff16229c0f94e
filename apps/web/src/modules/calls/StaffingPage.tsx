import { PageContainer } from '@ant-design/pro-components';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Grid,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import { EmptyHint } from '../../components/EmptyHint';
import { presetPeriod } from '../tickets/measures/reportPeriod';
import { callStatsKey, erlangCKey, getCallStats, getErlangC, getIntraday, intradayKey } from './api';
import { clockIn, formatNumber, formatPercent, intradayOption, periodInstants } from './callKpis';
import { Defined, FigureCard } from './FigureCard';
import type { ErlangC, ErlangCQuery, IntradayInterval, IntradayQuery } from './types';

/** The calculator's form: percentages as the person types them (80 = 80 %). */
export type ErlangForm = {
  calls: number;
  intervalMinutes: number;
  ahtSeconds: number;
  targetAnswerSeconds: number;
  targetPercent: number;
  maxOccupancyPercent?: number | null;
  shrinkagePercent?: number | null;
};

/** The published worked example: 100 calls in 30 min, AHT 180 s, 80 % within 20 s. */
export const DEFAULT_ERLANG_FORM: ErlangForm = {
  calls: 100,
  intervalMinutes: 30,
  ahtSeconds: 180,
  targetAnswerSeconds: 20,
  targetPercent: 80,
  maxOccupancyPercent: null,
  shrinkagePercent: 30,
};

/** The form → the API's query (fractions, seconds). */
export function erlangQueryOf(form: ErlangForm): ErlangCQuery {
  const query: ErlangCQuery = {
    calls: form.calls,
    intervalSeconds: Math.round(form.intervalMinutes * 60),
    ahtSeconds: form.ahtSeconds,
    targetAnswerSeconds: form.targetAnswerSeconds,
    targetServiceLevel: Math.min(0.999, form.targetPercent / 100),
  };
  if (form.maxOccupancyPercent) query.maxOccupancy = form.maxOccupancyPercent / 100;
  if (form.shrinkagePercent) query.shrinkage = form.shrinkagePercent / 100;
  return query;
}

/** The intraday query of a day (targets from the call settings on the server). */
export const intradayQueryOf = (date: string, queue?: string): IntradayQuery =>
  queue ? { date, queue, weeks: 8 } : { date, weeks: 8 };

const RESULT_FIGURES = [
  'trafficErlangs',
  'agents',
  'scheduledAgents',
  'waitingProbability',
  'serviceLevel',
  'asaSeconds',
  'occupancy',
] as const;

function formatResult(key: (typeof RESULT_FIGURES)[number], result: ErlangC): string {
  switch (key) {
    case 'waitingProbability':
    case 'serviceLevel':
    case 'occupancy':
      return formatPercent(result[key]);
    case 'asaSeconds':
      return formatNumber(result.asaSeconds, 1);
    default:
      return formatNumber(result[key]);
  }
}

/** Erlang C for one interval: the form and the seven figures, each with its formula on hover. */
function ErlangCalculator() {
  const { t } = useTranslation('calls');
  const [form] = Form.useForm<ErlangForm>();
  const [values, setValues] = useState<ErlangForm>(DEFAULT_ERLANG_FORM);
  const query = erlangQueryOf(values);
  const result = useQuery({
    queryKey: erlangCKey(query),
    queryFn: () => getErlangC(query),
    placeholderData: keepPreviousData,
  });
  const number = (name: keyof ErlangForm, min: number, max: number, suffix?: string, step = 1) => (
    <Form.Item
      name={name}
      label={<Defined label={t(`staffing.form.${name}`)} definition={t(`staffing.form.${name}Help`)} />}
      rules={name === 'maxOccupancyPercent' || name === 'shrinkagePercent' ? [] : [{ required: true }]}
      style={{ marginBottom: 8 }}
    >
      <InputNumber<number> min={min} max={max} step={step} addonAfter={suffix} style={{ width: '100%' }} />
    </Form.Item>
  );
  return (
    <Card size="small" title={t('staffing.calculator')}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Form<ErlangForm>
            form={form}
            layout="vertical"
            initialValues={DEFAULT_ERLANG_FORM}
            onValuesChange={(_, all) => {
              form
                .validateFields()
                .then(() => setValues(all))
                .catch(() => undefined);
            }}
            data-testid="call-staffing-form"
          >
            {number('calls', 0, 100_000)}
            {number('intervalMinutes', 1, 1440, t('minutesUnit'))}
            {number('ahtSeconds', 1, 36_000, t('secondsUnit'))}
            {number('targetAnswerSeconds', 0, 3600, t('secondsUnit'))}
            {number('targetPercent', 1, 99.9, '%', 0.1)}
            {number('maxOccupancyPercent', 1, 100, '%')}
            {number('shrinkagePercent', 0, 90, '%')}
          </Form>
        </Col>
        <Col xs={24} lg={16}>
          {result.data && !result.data.meetsTarget && (
            <Alert type="warning" showIcon message={t('staffing.missesTarget')} style={{ marginBottom: 12 }} />
          )}
          <Row gutter={[12, 12]} data-testid="call-staffing-result">
            {RESULT_FIGURES.map((key) => (
              <Col key={key} xs={12} md={8}>
                <FigureCard
                  testId={`call-staffing-${key}`}
                  label={t(`staffing.result.${key}`)}
                  definition={t(`staffing.result.${key}Help`)}
                  value={result.data ? formatResult(key, result.data) : '—'}
                  suffix={key === 'asaSeconds' ? t('secondsUnit') : undefined}
                  loading={result.isLoading}
                />
              </Col>
            ))}
          </Row>
          {result.isError && <Alert type="error" showIcon message={(result.error as Error).message} />}
        </Col>
      </Row>
    </Card>
  );
}

/** The intraday forecast of a day: calls and agents per half hour, as a chart and a table. */
function IntradayView() {
  const { t } = useTranslation('calls');
  const phone = Grid.useBreakpoint().md === false;
  const [date, setDate] = useState(() => dayjs().add(1, 'day').format('YYYY-MM-DD'));
  const [queue, setQueue] = useState<string | undefined>();
  const query = intradayQueryOf(date, queue);
  const queuesQuery = useMemo(() => periodInstants(presetPeriod('last30Days')), []);
  const intraday = useQuery({
    queryKey: intradayKey(query),
    queryFn: () => getIntraday(query),
    placeholderData: keepPreviousData,
  });
  const data = intraday.data;
  const chart = useMemo(
    () =>
      data
        ? intradayOption(data, {
            calls: t('staffing.intraday.calls'),
            agents: t('staffing.intraday.agents'),
            scheduled: t('staffing.intraday.scheduled'),
            planned: t('staffing.intraday.planned'),
          })
        : undefined,
    [data, t],
  );
  // The queues to choose from: those with calls in the last 30 days.
  const recent = useQuery({ queryKey: callStatsKey(queuesQuery), queryFn: () => getCallStats(queuesQuery) });
  const busy = (data?.intervals ?? []).filter((i) => i.forecastCalls > 0);
  return (
    <Card
      size="small"
      title={<Defined label={t('staffing.intraday.title')} definition={t('staffing.intraday.help')} />}
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Flex wrap gap="8px 16px" align="center">
          <DatePicker
            allowClear={false}
            value={dayjs(date)}
            onChange={(value) => value && setDate(value.format('YYYY-MM-DD'))}
            data-testid="call-staffing-date"
          />
          <Select<string>
            allowClear
            placeholder={t('filters.allQueues')}
            value={queue}
            onChange={setQueue}
            options={(recent.data?.queues ?? []).map((q) => ({ value: q.queue, label: q.queue }))}
            showSearch
            style={{ width: 160 }}
          />
          {data && (
            <Typography.Text type="secondary" data-testid="call-staffing-day">
              {data.dayName
                ? t('dayWithName', { kind: t(`staffing.dayKinds.${data.dayKind}`), name: data.dayName })
                : t(`staffing.dayKinds.${data.dayKind}`)}{' '}
              ·{' '}
              {t('staffing.intraday.summary', {
                calls: formatNumber(data.forecastCalls, 1),
                days: data.sampleDays.length,
                t: data.targetAnswerSeconds,
                sl: formatPercent(data.targetServiceLevel),
              })}
            </Typography.Text>
          )}
        </Flex>
        {intraday.isLoading && <Card size="small" loading />}
        {data && busy.length === 0 && (
          <EmptyHint
            testId="call-staffing-empty"
            text={t('staffing.intraday.empty', { days: data.sampleDays.length })}
          />
        )}
        {data && busy.length > 0 && chart && (
          <>
            <EChart option={chart} height={300} data-testid="call-staffing-chart" />
            <Typography.Text type="secondary">{t('staffing.intraday.noRoster')}</Typography.Text>
            <Table<IntradayInterval>
              data-testid="call-staffing-table"
              size="small"
              rowKey="start"
              pagination={false}
              dataSource={busy}
              scroll={phone ? { x: 560, y: 360 } : { y: 360 }}
              columns={[
                {
                  title: t('staffing.intraday.interval'),
                  key: 'time',
                  width: 110,
                  fixed: 'left',
                  render: (_, r) => `${clockIn(r.start, data.timeZone)}–${clockIn(r.end, data.timeZone)}`,
                },
                { title: t('staffing.intraday.calls'), dataIndex: 'forecastCalls', align: 'right', width: 90 },
                {
                  title: <Defined label={t('staffing.intraday.aht')} definition={t('staffing.intraday.ahtHelp')} />,
                  key: 'aht',
                  align: 'right',
                  width: 90,
                  render: (_, r) => `${formatNumber(r.ahtSeconds, 0)}${t('secondsUnit')}`,
                },
                { title: t('staffing.intraday.agents'), dataIndex: 'agentsNeeded', align: 'right', width: 90 },
                { title: t('staffing.intraday.scheduled'), dataIndex: 'scheduledAgents', align: 'right', width: 90 },
                {
                  title: t('staffing.result.serviceLevel'),
                  key: 'sl',
                  align: 'right',
                  width: 90,
                  render: (_, r) => formatPercent(r.serviceLevel),
                },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}

/** 排班测算: the Erlang C calculator and the intraday forecast of a day. */
export function StaffingPage() {
  const { t } = useTranslation('calls');
  return (
    <PageContainer content={t('intro.staffing')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="call-staffing">
        <ErlangCalculator />
        <IntradayView />
      </Space>
    </PageContainer>
  );
}
