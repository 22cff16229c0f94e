import { PageContainer } from '@ant-design/pro-components';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { EmptyHint } from '../../components/EmptyHint';
import { CreateButton } from '../../components/SettingEditor';
import { useAccess } from '../auth/useAccess';
import { calendarsKey, getCalendar, listCalendars } from './api';
import { CalendarFormModal } from './CalendarFormModal';
import { OfficialYearsPanel } from './OfficialYearsPanel';
import { weeklySummary } from './periods';
import type { CalendarListItem } from './types';

const TABS = ['calendars', 'official'] as const;
export const calendarDetailKey = (id: string) => [...calendarsKey, 'detail', id] as const;

function CalendarList({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation(['calendars', 'common']);
  const [creating, setCreating] = useState(false);
  const list = useQuery({ queryKey: [...calendarsKey, 'list'], queryFn: listCalendars });
  const items = list.data?.items ?? [];
  const details = useQueries({
    queries: items.map((item) => ({ queryKey: calendarDetailKey(item.id), queryFn: () => getCalendar(item.id) })),
  });
  const weeklyOf = new Map(details.flatMap((q) => (q.data ? [[q.data.id, q.data.weekly] as const] : [])));
  const dayName = (weekday: number) => t(`weekday.${weekday}` as 'weekday.0');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('intro')}
      </Typography.Paragraph>
      {canEdit && (
        <div>
          <CreateButton onClick={() => setCreating(true)} />
        </div>
      )}
      <Table<CalendarListItem>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 640 }}
        locale={{
          emptyText: (
            <EmptyHint
              text={t('list.empty')}
              action={canEdit ? { label: t('common:actions.create'), onClick: () => setCreating(true) } : undefined}
            />
          ),
        }}
        columns={[
          {
            title: t('fields.name'),
            dataIndex: 'name',
            render: (_, row) => (
              <Space size={4} wrap>
                <Link to={`/admin/calendars/${encodeURIComponent(row.id)}`}>{row.name}</Link>
                {row.isBuiltin && <Tag>{t('list.builtin')}</Tag>}
              </Space>
            ),
          },
          { title: t('fields.timeZone'), dataIndex: 'timeZone', width: 150 },
          {
            title: t('fields.hours'),
            key: 'hours',
            render: (_, row) => {
              const weekly = weeklyOf.get(row.id);
              if (!weekly) return '…';
              const lines = weeklySummary(weekly, dayName);
              return lines.length ? lines.map((line) => <div key={line}>{line}</div>) : t('list.noHours');
            },
          },
          {
            title: t('fields.followsOfficial'),
            dataIndex: 'followsOfficial',
            width: 130,
            render: (_, row) =>
              row.followsOfficial ? <Tag color="red">{t('list.official')}</Tag> : <Tag>{t('list.ownCalendar')}</Tag>,
          },
          { title: t('fields.version'), dataIndex: 'version', width: 80 },
          {
            title: t('common:fields.actions'),
            key: 'open',
            width: 110,
            render: (_, row) => (
              <Link to={`/admin/calendars/${encodeURIComponent(row.id)}`}>
                <Button type="link" size="small">
                  {t('list.open')}
                </Button>
              </Link>
            ),
          },
        ]}
      />
      {creating && <CalendarFormModal calendar={null} onClose={() => setCreating(false)} />}
    </Space>
  );
}

/** 工作日历: the business calendars and the official holiday arrangements they follow. */
export function CalendarsPage() {
  const { t } = useTranslation('calendars');
  const canEdit = useAccess().can('calendars.manage');
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab');
  const active = tab && (TABS as readonly string[]).includes(tab) ? tab : 'calendars';
  return (
    <PageContainer content={canEdit ? undefined : t('readOnly')}>
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => setSearch({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            { key: 'calendars', label: t('tabs.calendars'), children: <CalendarList canEdit={canEdit} /> },
            { key: 'official', label: t('tabs.official'), children: <OfficialYearsPanel canEdit={canEdit} /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}
