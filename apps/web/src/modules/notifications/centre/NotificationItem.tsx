import { Badge, Button, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../components/format';
import { refLink } from '../topics';
import type { MyNotification } from '../types';

dayjs.extend(relativeTime);

/**
 * One notification: unread dot, subject (a link when it points at a page), body, age (the exact
 * time on hover) and "mark read". `compact` = the bell's popover (body on two lines at most).
 */
export function NotificationItem(props: {
  item: MyNotification;
  compact?: boolean;
  onRead: (id: string) => void;
  onOpen?: () => void;
}) {
  const { t } = useTranslation('notifications');
  const { item, compact } = props;
  const unread = item.readAt === null;
  const link = refLink(item.ref);
  const open = () => {
    if (unread) props.onRead(item.id);
    props.onOpen?.();
  };
  const subject = (
    <Typography.Text strong={unread} style={{ wordBreak: 'break-word' }}>
      {item.subject}
    </Typography.Text>
  );
  return (
    <div
      data-testid="notification-item"
      data-unread={unread}
      style={{ display: 'flex', gap: 8, alignItems: 'flex-start', width: '100%', minWidth: 0 }}
    >
      <Tooltip title={unread ? t('centre.unreadDot') : t('centre.readDot')}>
        <Badge status={unread ? 'processing' : 'default'} style={{ marginTop: 4 }} />
      </Tooltip>
      <div style={{ flex: 1, minWidth: 0 }}>
        {link ? (
          <Link to={link} onClick={open}>
            {subject}
          </Link>
        ) : (
          subject
        )}
        <Typography.Paragraph
          type="secondary"
          ellipsis={compact ? { rows: 2 } : false}
          style={{ marginBottom: 0, whiteSpace: compact ? undefined : 'pre-wrap', wordBreak: 'break-word' }}
        >
          {item.body}
        </Typography.Paragraph>
        <Tooltip title={formatDateTime(item.createdAt)}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dayjs(item.createdAt).fromNow()}
          </Typography.Text>
        </Tooltip>
      </div>
      {unread && (
        <Tooltip title={t('centre.markReadHint')}>
          <Button size="small" type="link" onClick={() => props.onRead(item.id)}>
            {t('centre.markRead')}
          </Button>
        </Tooltip>
      )}
    </div>
  );
}
