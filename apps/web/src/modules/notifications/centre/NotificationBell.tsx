import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Grid, Popover, Space, Spin, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { MyNotificationsPage } from '../types';
import { NotificationItem } from './NotificationItem';
import { useMarkRead, useMyNotifications } from './useMyNotifications';

/** What the bell's popover shows: the latest few, read or not. */
export const BELL_QUERY = { page: 1, pageSize: 8 } as const;

/**
 * The header bell: my unread count (live), the latest notifications in a popover, mark read / all
 * read, and "see all" → the notification centre. On a phone (narrower than antd's `sm`, 576 px) a
 * popover does not fit beside the header: the bell opens the centre page instead.
 */
export function NotificationBell() {
  const { t } = useTranslation('notifications');
  const [open, setOpen] = useState(false);
  const query = useMyNotifications(BELL_QUERY);
  const { one, all } = useMarkRead();
  const unread = query.data?.unread ?? 0;
  const narrow = Grid.useBreakpoint().sm === false;
  const navigate = useNavigate();
  const bell = (
    <Tooltip
      title={unread > 0 ? t('bell.hintUnread', { count: unread }) : t('bell.hint')}
      placement="bottom"
      open={open ? false : undefined}
    >
      <Button
        type="text"
        data-testid="notification-bell"
        aria-label={t('bell.aria', { count: unread })}
        onClick={narrow ? () => navigate('/notifications') : undefined}
        icon={
          <Badge count={unread} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 16 }} />
          </Badge>
        }
      />
    </Tooltip>
  );
  if (narrow) return bell;

  return (
    <Popover
      content={
        <BellPanel
          data={query.data}
          loading={query.isLoading}
          onRead={(id) => one.mutate(id)}
          onReadAll={() => all.mutate()}
          readingAll={all.isPending}
          onNavigate={() => setOpen(false)}
        />
      }
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={setOpen}
    >
      {bell}
    </Popover>
  );
}

/** The popover's content: title with the unread count, the latest notifications, "see all". */
export function BellPanel(props: {
  data: MyNotificationsPage | undefined;
  loading: boolean;
  onRead: (id: string) => void;
  onReadAll: () => void;
  readingAll: boolean;
  onNavigate: () => void;
}) {
  const { t } = useTranslation('notifications');
  const unread = props.data?.unread ?? 0;
  const items = props.data?.items ?? [];
  return (
    <div style={{ width: 'min(360px, calc(100vw - 32px))' }} data-testid="notification-popover">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong>
          {unread > 0 ? t('bell.titleUnread', { count: unread }) : t('bell.title')}
        </Typography.Text>
        <Button size="small" type="link" disabled={unread === 0} loading={props.readingAll} onClick={props.onReadAll}>
          {t('centre.markAllRead')}
        </Button>
      </Space>
      {props.loading ? (
        <Spin style={{ display: 'block', margin: '24px auto' }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.empty')} />
      ) : (
        <div style={{ maxHeight: 'min(420px, 60vh)', overflowY: 'auto', display: 'grid', gap: 12 }}>
          {items.map((item) => (
            <NotificationItem key={item.id} item={item} compact onRead={props.onRead} onOpen={props.onNavigate} />
          ))}
        </div>
      )}
      <div style={{ textAlign: 'center', marginTop: 8, borderTop: '1px solid rgba(5,5,5,0.06)', paddingTop: 8 }}>
        <Link to="/notifications" onClick={props.onNavigate}>
          {t('bell.seeAll')}
        </Link>
      </div>
    </div>
  );
}
