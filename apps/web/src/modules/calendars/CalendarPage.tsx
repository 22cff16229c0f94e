import { EditOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../../components/format';
import { PageLoading } from '../../components/PageLoading';
import { useAccess } from '../auth/useAccess';
import {
  calendarsKey,
  getCalendar,
  getCalendarYear,
  listCalendarVersions,
  listOfficialYears,
  officialKey,
} from './api';
import { CalendarFormModal } from './CalendarFormModal';
import { calendarDetailKey } from './CalendarsPage';
import { DayDialog } from './DayDialog';
import { MissingYearBanner } from './OfficialYearsPanel';
import { weeklySummary } from './periods';
import type { BusinessCalendar, CalendarVersion } from './types';
import { YearView } from './YearView';
import { type DayCell, withOwnDays } from './yearView';

function YearTab({ calendar, canEdit }: { calendar: BusinessCalendar; canEdit: boolean }) {
  const { t } = useTranslation('calendars');
  const [search, setSearch] = useSearchParams();
  const year = Number(search.get('year')) || new Date().getFullYear();
  const setYear = (next: number) =>
    setSearch((s) => ({ ...Object.fromEntries(s), year: String(next) }), { replace: true });
  const [selected, setSelected] = useState<DayCell | null>(null);
  const yearQuery = useQuery({
    queryKey: [...calendarsKey, 'year', calendar.id, year, calendar.version],
    queryFn: () => getCalendarYear(calendar.id, year),
  });
  const official = useQuery({ queryKey: officialKey, queryFn: listOfficialYears, enabled: calendar.followsOfficial });
  const overrides = useMemo(
    () => withOwnDays(yearQuery.data?.days ?? [], calendar.days),
    [yearQuery.data, calendar.days],
  );
  const yearMissing =
    calendar.followsOfficial && official.data !== undefined && !official.data.years.some((y) => y.year === year);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<LeftOutlined />} aria-label={t('year.previous')} onClick={() => setYear(year - 1)} />
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="calendar-year-title">
          {year}
        </Typography.Title>
        <Button icon={<RightOutlined />} aria-label={t('year.next')} onClick={() => setYear(year + 1)} />
      </Space>
      {yearMissing && <MissingYearBanner year={year} />}
      {canEdit && <Typography.Text type="secondary">{t('year.hint')}</Typography.Text>}
      {yearQuery.isLoading ? (
        <PageLoading />
      ) : (
        <YearView
          year={year}
          weekly={calendar.weekly}
          overrides={overrides}
          selected={selected?.date}
          onSelect={canEdit ? setSelected : undefined}
        />
      )}
      {selected && <DayDialog calendar={calendar} cell={selected} onClose={() => setSelected(null)} />}
    </Space>
  );
}

function VersionsTab({ calendarId }: { calendarId: string }) {
  const { t } = useTranslation('calendars');
  const query = useQuery({
    queryKey: [...calendarsKey, 'versions', calendarId],
    queryFn: () => listCalendarVersions(calendarId),
  });
  return (
    <Table<CalendarVersion>
      rowKey="version"
      size="small"
      loading={query.isLoading}
      dataSource={[...(query.data?.items ?? [])].sort((a, b) => b.version - a.version)}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 560 }}
      locale={{ emptyText: <Empty description={t('versions.empty')} /> }}
      columns={[
        { title: t('fields.version'), dataIndex: 'version', width: 80 },
        {
          title: t('fields.changedAt'),
          dataIndex: 'changedAt',
          width: 160,
          render: (_, r) => formatDateTime(r.changedAt),
        },
        {
          title: t('fields.changedBy'),
          dataIndex: 'changedByName',
          width: 120,
          render: (_, r) => r.changedByName ?? (r.changedBy ? r.changedBy : t('versions.system')),
        },
        { title: t('fields.summary'), dataIndex: 'summary' },
      ]}
    />
  );
}

/** One business calendar: its settings, the year view (click a day to change it) and its versions. */
export function CalendarPage() {
  const { t } = useTranslation(['calendars', 'common']);
  const { id = '' } = useParams();
  const canEdit = useAccess().can('calendars.manage');
  const [editing, setEditing] = useState(false);
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'versions' ? 'versions' : 'year';
  const query = useQuery({ queryKey: calendarDetailKey(id), queryFn: () => getCalendar(id) });
  const calendar = query.data;
  if (!calendar) return <PageContainer>{query.isLoading ? <PageLoading /> : <Empty />}</PageContainer>;
  const summary = weeklySummary(calendar.weekly, (d) => t(`weekday.${d}` as 'weekday.0'));

  return (
    <PageContainer
      title={calendar.name}
      content={
        <Space wrap size={[8, 4]}>
          <Tag>{calendar.timeZone}</Tag>
          {calendar.followsOfficial && <Tag color="red">{t('list.official')}</Tag>}
          <Typography.Text type="secondary">{summary.join(' · ') || t('list.noHours')}</Typography.Text>
          <Typography.Text type="secondary">
            {t('fields.version')} {calendar.version}
          </Typography.Text>
        </Space>
      }
      extra={
        canEdit && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            {t('common:actions.edit')}
          </Button>
        )
      }
    >
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearch({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'year', label: t('tabs.year'), children: <YearTab calendar={calendar} canEdit={canEdit} /> },
            { key: 'versions', label: t('tabs.versions'), children: <VersionsTab calendarId={calendar.id} /> },
          ]}
        />
      </Card>
      {editing && <CalendarFormModal calendar={calendar} onClose={() => setEditing(false)} />}
    </PageContainer>
  );
}
