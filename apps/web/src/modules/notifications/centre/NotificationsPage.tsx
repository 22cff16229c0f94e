import { PageContainer } from '@ant-design/pro-components';
import { Button, Card, List, Segmented, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { EmptyHint } from '../../../components/EmptyHint';
import { NotificationItem } from './NotificationItem';
import { useMarkRead, useMyNotifications } from './useMyNotifications';

type Filter = 'all' | 'unread';

/** The notification centre: all or unread, paged, mark read / all read; live like the bell. */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const [filter, setFilter] = useState<Filter>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const query = useMyNotifications({ page, pageSize, ...(filter === 'unread' ? { unread: 'true' } : {}) });
  const { one, all } = useMarkRead();
  const unread = query.data?.unread ?? 0;

  const empty = (
    <EmptyHint
      text={filter === 'unread' ? t('centre.emptyUnread') : t('centre.empty')}
      action={{ label: t('centre.emptyNext'), to: '/account/notifications' }}
    />
  );

  return (
    <PageContainer content={t('centre.intro')}>
      <Card>
        <div
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            gap: 8,
            justifyContent: 'space-between',
            alignItems: 'center',
            marginBottom: 8,
          }}
        >
          <Segmented<Filter>
            value={filter}
            onChange={(value) => {
              setFilter(value);
              setPage(1);
            }}
            options={[
              { value: 'all', label: t('centre.all') },
              { value: 'unread', label: t('centre.unreadCount', { count: unread }) },
            ]}
          />
          <Space wrap>
            <Tooltip title={t('centre.markAllReadHint')}>
              <Button disabled={unread === 0} loading={all.isPending} onClick={() => all.mutate()}>
                {t('centre.markAllRead')}
              </Button>
            </Tooltip>
            <Link to="/account/notifications">{t('centre.preferences')}</Link>
          </Space>
        </div>
        <List
          loading={query.isFetching && !query.data}
          dataSource={query.data?.items ?? []}
          locale={{ emptyText: empty }}
          renderItem={(item) => (
            <List.Item>
              <NotificationItem item={item} onRead={(id) => one.mutate(id)} />
            </List.Item>
          )}
          pagination={
            (query.data?.total ?? 0) > 0 && {
              current: page,
              pageSize,
              total: query.data?.total ?? 0,
              showSizeChanger: true,
              size: 'small',
              showTotal: (total) => t('centre.total', { total }),
              onChange: (next, size) => {
                setPage(size === pageSize ? next : 1);
                setPageSize(size);
              },
            }
          }
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          {t('centre.liveHint')}
        </Typography.Paragraph>
      </Card>
    </PageContainer>
  );
}
