import { ArrowUpOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Collapse, Divider, Empty, Segmented, Skeleton, Space, Typography } from 'antd';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRealtimeEvents } from '../../../api/realtime';
import { useAccess } from '../../auth/useAccess';
import { useNow } from '../../tickets/core/TicketMarks';
import { OPEN_STATUSES, type Ticket } from '../../tickets/core/types';
import { clocksKey, getClocks } from '../api';
import { listPolicies, slaAdminKey } from '../policies/api';
import type { ClocksResponse, Policy, WaitingOn } from '../types';
import { ClockRow } from './ClockRow';
import { escalationTargets, explainDefault, groupByMetric, laddered } from './clockView';
import { EscalateModal } from './EscalateModal';
import { ExplainDrawer } from './ExplainDrawer';
import { LadderSteps } from './LadderSteps';
import { WaitingToggle } from './WaitingToggle';

/** The clocks are computed live by the server; refetched this often so remaining business time stays true. */
const REFRESH_MS = 60_000;
const SLA_EVENTS = ['sla.warned', 'sla.escalated'] as const;

/** Shown on the ticket page to whoever may read time limits (`sla.read`). */
export function ClocksPanel({ ticket }: { ticket: Ticket }) {
  const access = useAccess();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: clocksKey(ticket.id),
    queryFn: () => getClocks(ticket.id),
    refetchInterval: REFRESH_MS,
    enabled: access.can('sla.read'),
  });
  // The policies' warning thresholds, for the marks on the bars (the admin pages' cache).
  const policies = useQuery({
    queryKey: [...slaAdminKey, 'policies'],
    queryFn: listPolicies,
    staleTime: 5 * 60_000,
    enabled: access.can('sla.read') && (query.data?.items.length ?? 0) > 0,
    meta: { silent: true },
  });
  useRealtimeEvents(
    SLA_EVENTS,
    (event) => {
      if (event.payload.ticketId === ticket.id) void queryClient.invalidateQueries({ queryKey: clocksKey(ticket.id) });
    },
    access.can('sla.read'),
  );
  if (!access.can('sla.read')) return null;
  return (
    <ClocksView
      ticket={ticket}
      data={query.data}
      policies={policies.data?.items}
      loading={query.isLoading}
      failed={query.isError}
      canWrite={access.can('tickets.write')}
      canEscalate={access.can('sla.escalate')}
    />
  );
}

type ViewProps = {
  ticket: Ticket;
  data: ClocksResponse | undefined;
  policies?: readonly Policy[];
  loading: boolean;
  failed: boolean;
  canWrite: boolean;
  canEscalate: boolean;
};

/**
 * 时限: one row per clock (latest cycle; earlier cycles folded), the waiting toggle, the ladder of
 * the clock furthest up, manual escalation and the "说明" drawer. Stacks on a phone.
 */
export function ClocksView({ ticket, data, policies = [], loading, failed, canWrite, canEscalate }: ViewProps) {
  const { t } = useTranslation('sla');
  const now = useNow();
  const [explainOpen, setExplainOpen] = useState(false);
  const [explainId, setExplainId] = useState<string | undefined>();
  const [escalating, setEscalating] = useState(false);
  const [ladderId, setLadderId] = useState<string | undefined>();

  const clocks = (data?.items ?? []).filter((c) => c.state !== 'cancelled');
  const waitingOn: WaitingOn = ticket.waitingOn;
  const groups = groupByMetric(clocks);
  const withLadder = laddered(clocks);
  const ladderClock = withLadder.find((c) => c.id === ladderId) ?? withLadder[0];
  const isOpen = OPEN_STATUSES.includes(ticket.status);
  const escalatable = withLadder.filter((c) => escalationTargets(c).length > 0 && c.state !== 'met');
  const warnAt = (policyId: string) => policies.find((p) => p.id === policyId)?.warnPercents ?? [];
  const openExplain = (clockId?: string) => {
    setExplainId(clockId ?? explainDefault(clocks)?.id);
    setExplainOpen(true);
  };

  let body: ReactNode;
  if (loading) body = <Skeleton active paragraph={{ rows: 3 }} />;
  else if (failed) body = <Alert type="error" showIcon message={t('panel.loadFailed')} />;
  else if (groups.length === 0) body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('panel.empty')} />;
  else
    body = groups.map((group, index) => (
      <Fragment key={group.metric}>
        {index > 0 && <Divider style={{ margin: '4px 0' }} />}
        <ClockRow
          clock={group.current}
          waitingOn={waitingOn}
          now={now}
          testId={`sla-clock-${group.metric}`}
          warnAt={warnAt(group.current.policyId)}
          onExplain={() => openExplain(group.current.id)}
        />
        {group.earlier.length > 0 && (
          <Collapse
            ghost
            size="small"
            items={[
              {
                key: 'earlier',
                label: t('panel.earlierCycles', { count: group.earlier.length }),
                children: group.earlier.map((clock) => (
                  <ClockRow
                    key={clock.id}
                    clock={clock}
                    waitingOn={waitingOn}
                    now={now}
                    testId={`sla-clock-${clock.metric}-${clock.cycle}`}
                    warnAt={warnAt(clock.policyId)}
                    onExplain={() => openExplain(clock.id)}
                  />
                )),
              },
            ]}
          />
        )}
      </Fragment>
    ));

  return (
    <Card
      size="small"
      title={t('panel.title')}
      data-testid="sla-panel"
      extra={
        clocks.length > 0 && (
          <Button
            size="small"
            icon={<QuestionCircleOutlined />}
            onClick={() => openExplain()}
            data-testid="sla-explain-open"
          >
            {t('explain.open')}
          </Button>
        )
      }
    >
      {(isOpen && canWrite) || (isOpen && canEscalate && escalatable.length > 0) ? (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 8 }} size={8}>
          {isOpen && canWrite && (
            <WaitingToggle ticketId={ticket.id} version={ticket.version} waitingOn={waitingOn} disabled={false} />
          )}
          {isOpen && canEscalate && escalatable.length > 0 && (
            <Button
              block
              icon={<ArrowUpOutlined />}
              onClick={() => setEscalating(true)}
              data-testid="sla-escalate-open"
            >
              {t('escalate.open')}
            </Button>
          )}
        </Space>
      ) : null}
      {body}
      {ladderClock?.ladder && (
        <>
          <Divider style={{ margin: '8px 0' }} />
          <Typography.Text strong>{t('ladder.title')}</Typography.Text>
          {withLadder.length > 1 && (
            <Segmented
              block
              size="small"
              style={{ margin: '8px 0' }}
              value={ladderClock.id}
              onChange={(value) => setLadderId(String(value))}
              options={withLadder.map((c) => ({ value: c.id, label: t(`metric.${c.metric}`) }))}
            />
          )}
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
            {t('ladder.of', { metric: t(`metric.${ladderClock.metric}`), name: ladderClock.ladder.name })}
          </Typography.Paragraph>
          <LadderSteps ladder={ladderClock.ladder} />
        </>
      )}
      <ExplainDrawer
        ticketId={ticket.id}
        clocks={clocks}
        clockId={explainId}
        onClockChange={setExplainId}
        open={explainOpen}
        onClose={() => setExplainOpen(false)}
      />
      {escalating && (
        <EscalateModal
          ticketId={ticket.id}
          clocks={escalatable}
          open={escalating}
          onClose={() => setEscalating(false)}
        />
      )}
    </Card>
  );
}
