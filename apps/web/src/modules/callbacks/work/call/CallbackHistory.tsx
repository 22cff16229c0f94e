import { QuestionCircleOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, List, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../../components/format';
import type { CallbackDetail } from '../callbackTypes';

function Title({ text, help }: { text: string; help?: string }) {
  return (
    <span style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
      {text}
      {help ? (
        <Tooltip title={help}>
          <QuestionCircleOutlined aria-label={help} />
        </Tooltip>
      ) : null}
    </span>
  );
}

/** The customer's newest timeline entries (the contact history), newest first. */
export function ContactHistory({ contacts }: { contacts: CallbackDetail['contacts'] }) {
  const { t } = useTranslation('callbacksWork');
  return (
    <Card
      size="small"
      title={<Title text={t('call.contacts.title')} help={t('call.contacts.help')} />}
      data-testid="callback-history"
    >
      {contacts.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('call.contacts.empty')} />
      ) : (
        <div style={{ maxHeight: 420, overflowY: 'auto', paddingTop: 8 }}>
          <Timeline
            items={contacts.map((c) => ({
              key: c.id,
              children: (
                <Flex vertical gap={2} style={{ minWidth: 0 }} data-testid="callback-contact">
                  <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                    {c.title}
                  </Typography.Text>
                  {c.body ? (
                    <Typography.Paragraph
                      type="secondary"
                      ellipsis={{ rows: 3, expandable: true }}
                      style={{ marginBottom: 0, overflowWrap: 'anywhere' }}
                    >
                      {c.body}
                    </Typography.Paragraph>
                  ) : null}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(c.at)}
                    {c.actorName ? ` · ${c.actorName}` : ''}
                  </Typography.Text>
                </Flex>
              ),
            }))}
          />
        </div>
      )}
    </Card>
  );
}

/** The customer's other callbacks: when, why, how they ended. */
export function OtherCallbacks({ history }: { history: CallbackDetail['history'] }) {
  const { t } = useTranslation('callbacksWork');
  return (
    <Card size="small" title={t('call.others.title')} data-testid="callback-others">
      <List
        size="small"
        dataSource={history}
        rowKey="id"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('call.others.empty')} /> }}
        renderItem={(h) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Flex vertical gap={2} style={{ minWidth: 0, width: '100%' }}>
              <Flex gap={8} wrap align="center">
                <Link to={`/callbacks/${h.id}`}>{h.dueDate}</Link>
                <Tag style={{ marginInlineEnd: 0 }}>{h.statusLabel}</Tag>
                <Typography.Text type="secondary">{h.sourceLabel}</Typography.Text>
                {h.satisfaction !== null ? (
                  <Typography.Text>{t('call.others.satisfaction', { score: h.satisfaction })}</Typography.Text>
                ) : null}
                {h.complaintTicketId ? (
                  <Link to={`/tickets/${h.complaintTicketId}`}>{t('call.others.complaint')}</Link>
                ) : null}
              </Flex>
              {h.purpose ? <Typography.Text style={{ overflowWrap: 'anywhere' }}>{h.purpose}</Typography.Text> : null}
              {h.opinion || h.writeUp ? (
                <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                  {h.opinion ?? h.writeUp}
                </Typography.Text>
              ) : null}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The tries so far: number, time, who, reached or not, the note. */
export function AttemptLog({ attempts }: { attempts: CallbackDetail['attemptLog'] }) {
  const { t } = useTranslation('callbacksWork');
  return (
    <Card size="small" title={t('call.attempts.title')} data-testid="callback-attempts">
      <List
        size="small"
        dataSource={attempts}
        rowKey="number"
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('call.attempts.empty')} /> }}
        renderItem={(a) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Flex gap={8} wrap align="center">
                <Typography.Text strong>{t('call.attempts.number', { number: a.number })}</Typography.Text>
                <Tag color={a.reached ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
                  {a.reached ? t('call.attempts.reached') : t('call.attempts.notReached')}
                </Tag>
                <Typography.Text type="secondary">
                  {formatDateTime(a.at)}
                  {a.by ? ` · ${a.by.displayName}` : ''}
                </Typography.Text>
              </Flex>
              {a.note ? <Typography.Text style={{ overflowWrap: 'anywhere' }}>{a.note}</Typography.Text> : null}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
