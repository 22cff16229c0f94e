import { EditOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useRealtimeEvents } from '../../../api/realtime';
import { formatDateTime } from '../../../components/format';
import { PageLoading } from '../../../components/PageLoading';
import { useAccess } from '../../auth/useAccess';
import { useCurrentUser } from '../../auth/useCurrentUser';
import { ClocksPanel } from '../../sla/clocks/ClocksPanel';
import { AssignControl } from '../assignment/AssignControl';
import { AttachmentsPanel } from '../conversation/AttachmentsPanel';
import { Conversation } from '../conversation/Conversation';
import { HistoryPanel } from '../conversation/HistoryPanel';
import { ReplyBox } from '../conversation/ReplyBox';
import { changedByOthers, TICKET_EVENTS, ticketIdsOf } from '../queue/ticketEvents';
import { CustomerPanel } from '../relations/CustomerPanel';
import { LinksPanel } from '../relations/LinksPanel';
import { WatchersCard } from '../relations/WatchersCard';
import { useTicketTypes } from '../settings/useTicketSettings';
import { TicketActions } from './TicketActions';
import { TicketDetails } from './TicketDetails';
import { TicketEditDrawer } from './TicketEditDrawer';
import { COMPLAINT_RED, ComplaintMarks, NextReplyCountdown, PriorityTag, StatusTag } from './TicketMarks';
import { refreshTicket, useTicket, useTicketMessages } from './useTicket';

const TABS = ['conversation', 'attachments', 'links', 'history'] as const;
type Tab = (typeof TABS)[number];

/**
 * One ticket: header with the complaint marks, status and next-reply countdown; the lifecycle
 * actions the server offers; the record, the conversation and reply box, attachments, links and
 * history; the customer, watchers. Another user's change arrives over SSE: the page refetches and
 * says so ("updated by someone else").
 */
export function TicketPage() {
  const { t } = useTranslation(['tickets', 'common']);
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const access = useAccess();
  const me = useCurrentUser().data;
  const types = useTicketTypes();
  const [search, setSearch] = useSearchParams();
  const [editing, setEditing] = useState(false);
  const [changedAt, setChangedAt] = useState<string | null>(null);
  const query = useTicket(id);
  const messages = useTicketMessages(id);
  const ticket = query.data;
  const canWrite = access.can('tickets.write');
  const tab: Tab = (TABS as readonly string[]).includes(search.get('tab') ?? '')
    ? (search.get('tab') as Tab)
    : 'conversation';

  useRealtimeEvents(TICKET_EVENTS, (event) => {
    if (!ticketIdsOf(event).includes(id)) return;
    const refreshed = refreshTicket(queryClient, id).catch(() => undefined);
    // Announce someone else's change once the page shows it (events now arrive as the change
    // commits, often before the refetch that shows it has come back).
    if (changedByOthers(event, id, me?.id)) {
      const at = event.at ?? new Date().toISOString();
      void refreshed.then(() => setChangedAt(at));
    }
  });

  if (query.isLoading) return <PageLoading />;
  if (!ticket) {
    return (
      <Result
        status="404"
        title={t('detail.notFound')}
        subTitle={query.error?.message}
        extra={
          <Link to="/tickets/queue">
            <Button type="primary">{t('detail.backToList')}</Button>
          </Link>
        }
      />
    );
  }

  const tabs = [
    {
      key: 'conversation',
      label: t('detail.tabs.conversation'),
      children: (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Conversation messages={messages.data ?? []} loading={messages.isLoading} />
          {canWrite && ticket.status !== 'merged' && <ReplyBox ticket={ticket} />}
        </Space>
      ),
    },
    {
      key: 'attachments',
      label: t('detail.tabs.attachments'),
      children: <AttachmentsPanel ticketId={ticket.id} canWrite={canWrite} />,
    },
    { key: 'links', label: t('detail.tabs.links'), children: <LinksPanel ticket={ticket} canWrite={canWrite} /> },
    { key: 'history', label: t('detail.tabs.history'), children: <HistoryPanel ticket={ticket} /> },
  ];

  const lifecycle = <TicketActions key="actions" ticket={ticket} />;
  const assignment = (
    <AssignControl
      key="assign"
      ticket={ticket}
      canAssign={access.can('tickets.assign')}
      canWrite={canWrite && ticket.status !== 'closed' && ticket.status !== 'merged'}
    />
  );

  return (
    <PageContainer
      onBack={() => navigate(-1)}
      title={
        <Space size={8} wrap>
          <span data-testid="ticket-number">{ticket.number}</span>
          <ComplaintMarks isComplaint={ticket.isComplaint} isMajor={ticket.isMajor} />
          <StatusTag status={ticket.status} />
          <PriorityTag priority={ticket.priority} />
        </Space>
      }
      extra={[
        // On an unassigned ticket 我来处理 / 分派 come first (AssignControl makes them primary).
        ...(ticket.assignee ? [lifecycle, assignment] : [assignment, lifecycle]),
        canWrite && ticket.status !== 'merged' && (
          <Button key="edit" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="ticket-edit">
            {t('detail.edit')}
          </Button>
        ),
      ]}
      content={
        <>
          <Typography.Title
            level={5}
            style={{ marginTop: 0, ...(ticket.isComplaint ? { color: COMPLAINT_RED } : {}) }}
            data-testid="ticket-subject-title"
          >
            {ticket.subject}
          </Typography.Title>
          <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
            <Descriptions.Item label={t('fields.type')}>
              <span style={ticket.isComplaint ? { color: COMPLAINT_RED } : undefined}>
                {types.label(ticket.typeKey)}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.channel')}>{t(`channel.${ticket.channel}`)}</Descriptions.Item>
            <Descriptions.Item label={t('fields.assignee')}>
              {ticket.assignee?.displayName ?? (
                <Typography.Text type="secondary">{t('list.unassigned')}</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.department')}>{ticket.departmentName ?? '-'}</Descriptions.Item>
            <Descriptions.Item label={t('nextReply.label')}>
              <NextReplyCountdown nextReplyAt={ticket.nextReplyAt} status={ticket.status} strong />
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.createdBy')}>
              {t('detail.createdBy', {
                name: ticket.createdBy?.displayName ?? '-',
                time: formatDateTime(ticket.createdAt),
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('fields.tags')}>
              {ticket.tags.length > 0 ? ticket.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : '-'}
            </Descriptions.Item>
          </Descriptions>
        </>
      }
    >
      {changedAt && (
        <Alert
          type="info"
          showIcon
          closable
          onClose={() => setChangedAt(null)}
          message={t('live.updatedByOthers')}
          description={t('live.updatedByOthersDetail', { time: formatDateTime(changedAt) })}
          style={{ marginBottom: 16 }}
          data-testid="updated-by-others"
        />
      )}
      {ticket.mergedIntoId && (
        <Alert
          type="warning"
          showIcon
          message={<Link to={`/tickets/${ticket.mergedIntoId}`}>{t('detail.mergedInto')}</Link>}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <TicketDetails ticket={ticket} canWrite={canWrite} />
            <Card>
              <Tabs
                activeKey={tab}
                onChange={(key) => setSearch(key === 'conversation' ? {} : { tab: key }, { replace: true })}
                items={tabs}
                destroyOnHidden
              />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <ClocksPanel ticket={ticket} />
            <CustomerPanel ticket={ticket} />
            <WatchersCard ticket={ticket} canWrite={canWrite} />
          </Space>
        </Col>
      </Row>
      {canWrite && <TicketEditDrawer ticket={ticket} open={editing} onClose={() => setEditing(false)} />}
    </PageContainer>
  );
}
