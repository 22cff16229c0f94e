import { Descriptions, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Explain, ExplainDayKind } from '../types';
import { formatMinutes, type Unit } from './clockView';
import { formatDay, formatInstant, formatTimeOfDay } from './formatTime';

const KIND_COLORS: Record<ExplainDayKind, string | undefined> = {
  workday: 'blue',
  weekend: undefined,
  holiday: 'red',
  makeup_workday: 'orange',
  calendar_off: 'magenta',
  calendar_work: 'cyan',
};

type Day = Explain['days'][number];
type Pause = Explain['pauses'][number];

/**
 * Why the due time is what it is: the start, the target and the calendar, then day by day what
 * counted (working periods and minutes) and what did not (weekends, public holidays by name, the
 * calendar's own days off), the 调休 working days marked as such, and the pauses. Times are in the
 * calendar's time zone (the zone its working periods are defined in).
 */
export function ExplainContent({ explain }: { explain: Explain }) {
  const { t, i18n } = useTranslation('sla');
  const locale = i18n.language;
  const unit = (name: Unit, count: number) => t(`units.${name}`, { count });
  const business = explain.timeBasis === 'business';
  const timeZone = explain.calendar?.timeZone;
  const total = explain.days.reduce((sum, day) => sum + day.minutes, 0);

  const days = (
    <Table<Day>
      size="small"
      rowKey="date"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={explain.days}
      data-testid="sla-explain-days"
      onRow={(day) => ({ 'data-testid': `sla-explain-day-${day.date}`, 'data-kind': day.kind }) as object}
      columns={[
        { title: t('explain.date'), dataIndex: 'date', render: (_, day) => formatDay(day.date, locale) },
        {
          title: t('explain.kind'),
          dataIndex: 'kind',
          render: (_, day) => (
            <Tag color={KIND_COLORS[day.kind]} data-testid="sla-explain-day-kind">
              {t(`dayKind.${day.kind}`)}
              {day.name ? ` · ${day.name}` : ''}
            </Tag>
          ),
        },
        {
          title: t('explain.periods'),
          dataIndex: 'periods',
          render: (_, day) =>
            day.periods.length > 0 ? (
              day.periods
                .map((p) => `${formatTimeOfDay(p.from, locale, timeZone)}–${formatTimeOfDay(p.to, locale, timeZone)}`)
                .join(', ')
            ) : (
              <Typography.Text type="secondary">{t('explain.noPeriods')}</Typography.Text>
            ),
        },
        {
          title: t('explain.minutes'),
          dataIndex: 'minutes',
          align: 'right',
          render: (_, day) => (day.minutes > 0 ? formatMinutes(day.minutes, unit, false) : '-'),
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={4} align="right">
            <Typography.Text strong>{t('explain.total', { time: formatMinutes(total, unit, false) })}</Typography.Text>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );

  const pauses =
    explain.pauses.length === 0 ? (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('explain.noPauses')} />
    ) : (
      <Table<Pause>
        size="small"
        rowKey="from"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={explain.pauses}
        data-testid="sla-explain-pauses"
        columns={[
          {
            title: t('explain.pauseFrom'),
            dataIndex: 'from',
            render: (_, p) => formatInstant(p.from, locale, timeZone),
          },
          {
            title: t('explain.pauseTo'),
            dataIndex: 'to',
            render: (_, p) => (p.to ? formatInstant(p.to, locale, timeZone) : <Tag>{t('explain.pauseOngoing')}</Tag>),
          },
          { title: t('explain.pauseReason'), dataIndex: 'reason', render: (_, p) => t(`pauseReason.${p.reason}`) },
          {
            title: t('explain.minutes'),
            dataIndex: 'minutes',
            align: 'right',
            render: (_, p) => formatMinutes(p.minutes, unit, !business),
          },
        ]}
      />
    );

  return (
    <>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('explain.clock')}>{t(`metric.${explain.metric}`)}</Descriptions.Item>
        <Descriptions.Item label={t('explain.startedAt')}>
          {formatInstant(explain.startedAt, locale, timeZone)}
        </Descriptions.Item>
        <Descriptions.Item label={t('explain.target')}>
          {formatMinutes(explain.targetMinutes, unit, !business)}
        </Descriptions.Item>
        <Descriptions.Item label={t('explain.basis')}>
          {business ? t('explain.basisBusiness') : t('explain.basisCalendar')}
        </Descriptions.Item>
        {explain.calendar && (
          <Descriptions.Item label={t('explain.calendar')}>
            {t('explain.calendarVersion', {
              name: explain.calendar.name,
              timeZone: explain.calendar.timeZone,
              version: explain.calendar.version,
            })}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('explain.dueAt')}>
          <Typography.Text strong data-testid="sla-explain-due">
            {explain.dueAt ? formatInstant(explain.dueAt, locale, timeZone) : t('panel.dueUnknown')}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('explain.days')}</Typography.Title>
      {business ? days : <Typography.Paragraph type="secondary">{t('explain.calendarBasisNote')}</Typography.Paragraph>}
      {!business && explain.days.length > 0 && days}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('explain.pauses')}
      </Typography.Title>
      {pauses}
    </>
  );
}
