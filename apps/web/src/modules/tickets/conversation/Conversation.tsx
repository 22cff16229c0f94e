import { LockOutlined, WarningOutlined } from '@ant-design/icons';
import { Empty, Space, Spin, Tag, Typography, theme } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../components/format';
import type { TicketMessage } from '../core/types';

/**
 * The conversation: the customer's words on the left, replies to the customer on the right,
 * internal notes in yellow with a lock (never sent), system lines centred and small.
 */
export function Conversation({ messages, loading }: { messages: TicketMessage[]; loading: boolean }) {
  const { t } = useTranslation(['ticketsConversation', 'tickets']);
  const { token } = theme.useToken();
  if (loading) return <Spin />;
  if (messages.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('conversation.empty')} />;

  const bubble: Record<Exclude<TicketMessage['kind'], 'system'>, CSSProperties> = {
    inbound: { background: token.colorFillQuaternary, border: `1px solid ${token.colorBorderSecondary}` },
    reply: { background: token.colorPrimaryBg, border: `1px solid ${token.colorPrimaryBorder}` },
    note: { background: token.colorWarningBg, border: `1px dashed ${token.colorWarningBorder}` },
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="conversation">
      {messages.map((m) => {
        if (m.kind === 'system') {
          return (
            <div key={m.id} data-testid="message" data-kind="system" style={{ textAlign: 'center' }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(m.createdAt)} · {m.body}
              </Typography.Text>
            </div>
          );
        }
        const right = m.kind === 'reply';
        return (
          <div
            key={m.id}
            data-testid="message"
            data-kind={m.kind}
            style={{ display: 'flex', justifyContent: right ? 'flex-end' : 'flex-start' }}
          >
            <div style={{ maxWidth: '80%', borderRadius: 8, padding: '8px 12px', ...bubble[m.kind] }}>
              <Space size={6} wrap style={{ marginBottom: 4 }}>
                {m.kind === 'note' && <LockOutlined style={{ color: token.colorWarning }} />}
                <Typography.Text strong>{t(`conversation.kinds.${m.kind}`)}</Typography.Text>
                {m.author && <Typography.Text type="secondary">{m.author.displayName}</Typography.Text>}
                {m.channel && m.kind !== 'note' && <Tag bordered={false}>{t(`tickets:channel.${m.channel}`)}</Tag>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(m.createdAt)}
                </Typography.Text>
                {m.forbiddenOverride && (
                  <Tag color="warning" icon={<WarningOutlined />} data-testid="message-override">
                    {t('conversation.override')}
                  </Tag>
                )}
                {m.movedFromTicketId && <Tag>{t('conversation.movedFrom')}</Tag>}
              </Space>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{m.body}</Typography.Paragraph>
            </div>
          </div>
        );
      })}
    </Space>
  );
}
