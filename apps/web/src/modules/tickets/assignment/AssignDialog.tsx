import { CheckOutlined, StarFilled } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Empty, Input, Modal, Radio, Space, Spin, Tag, Tooltip, Typography, theme } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRealtimeRefresh } from '../../../api/realtime';
import { assignTicket } from '../core/api';
import type { Ticket } from '../core/types';
import { useVersionedWrite } from '../core/useTicket';
import { AGENT_BOARD_EVENTS, STATUS_BADGE } from './agentBoard';
import { agentsQueryKey, assigneesKey, listAssignees } from './api';
import { filterAssignees, initialChoice, skillsFirst, sortAssignees } from './assignees';
import type { Assignee, AutoStrategy } from './types';
import { WorkFigures } from './WorkFigures';

type Strategy = 'manual' | AutoStrategy | 'unassign';

/** One person in the dialog's list: a selectable row that wraps at any width. */
function AssigneeRow({
  item,
  skill,
  selected,
  current,
  onSelect,
}: {
  item: Assignee;
  skill: string | null;
  selected: boolean;
  current: boolean;
  onSelect: () => void;
}) {
  const { t } = useTranslation('ticketsAssignment');
  const { token } = theme.useToken();
  return (
    <div
      role="option"
      aria-selected={selected}
      tabIndex={0}
      data-testid="assignee-option"
      data-suggested={item.suggested || undefined}
      onClick={onSelect}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onSelect();
        }
      }}
      style={{
        cursor: 'pointer',
        padding: '8px 12px',
        borderRadius: token.borderRadius,
        border: `1px solid ${selected ? token.colorPrimary : token.colorBorderSecondary}`,
        background: selected ? token.colorPrimaryBg : undefined,
        display: 'flex',
        flexDirection: 'column',
        gap: 4,
        minWidth: 0,
      }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, justifyContent: 'space-between' }}>
        <Space size={6} wrap style={{ minWidth: 0 }}>
          <Typography.Text strong>{item.displayName}</Typography.Text>
          {item.suggested && (
            <Tooltip title={t('assign.suggestedHint')}>
              <Tag color="gold" icon={<StarFilled />} style={{ marginInlineEnd: 0 }} data-testid="assignee-suggested">
                {t('assign.suggested')}
              </Tag>
            </Tooltip>
          )}
          {current && <Tag style={{ marginInlineEnd: 0 }}>{t('assign.current')}</Tag>}
        </Space>
        <Badge status={STATUS_BADGE[item.status]} text={t(`status.${item.status}`)} />
      </div>
      {item.departmentName && <Typography.Text type="secondary">{item.departmentName}</Typography.Text>}
      <WorkFigures load={item.load} openTickets={item.openTickets} overdue={item.overdue} />
      {item.skills.length > 0 && (
        <Space size={[4, 4]} wrap>
          {skillsFirst(item.skills, skill).map((s) =>
            s === skill ? (
              <Tag key={s} color="green" icon={<CheckOutlined />} style={{ marginInlineEnd: 0 }}>
                {s}
              </Tag>
            ) : (
              <Tag key={s} style={{ marginInlineEnd: 0 }}>
                {s}
              </Tag>
            ),
          )}
        </Space>
      )}
    </div>
  );
}

/**
 * 分派: a person picked from a list that shows what a supervisor weighs — status, load, open and
 * overdue work, skills (the one the ticket asks for highlighted) — on-shift people first, the
 * automatic rule's pick marked 推荐 and chosen to begin with; or round-robin, least-loaded, back to the queue.
 */
export function AssignDialog({ ticket, open, onClose }: { ticket: Ticket; open: boolean; onClose: () => void }) {
  const { t } = useTranslation(['ticketsAssignment', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [strategy, setStrategy] = useState<Strategy>('manual');
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<string | undefined>();
  const rule: AutoStrategy = strategy === 'round_robin' ? 'round_robin' : 'least_loaded';
  const candidates = useQuery({
    queryKey: assigneesKey(ticket.id, rule),
    queryFn: () => listAssignees(ticket.id, rule),
    enabled: open,
  });
  useRealtimeRefresh(
    AGENT_BOARD_EVENTS,
    () => void queryClient.invalidateQueries({ queryKey: agentsQueryKey }),
    800,
    open,
  );
  const items = useMemo(() => sortAssignees(candidates.data?.items ?? []), [candidates.data]);
  const shown = useMemo(() => filterAssignees(items, search), [items, search]);
  const suggested = items.find((item) => item.suggested);
  const currentId = ticket.assignee?.id ?? null;

  // Start on the suggestion once the list arrives (not again after the person chose someone).
  useEffect(() => {
    if (open && candidates.data && chosen === undefined) setChosen(initialChoice(candidates.data.items, currentId));
  }, [open, candidates.data, chosen, currentId]);
  useEffect(() => {
    if (!open) {
      setStrategy('manual');
      setSearch('');
      setChosen(undefined);
    }
  }, [open]);

  const assign = useVersionedWrite(
    ticket.id,
    (body: { strategy: Strategy; assigneeId?: string }) =>
      assignTicket(ticket.id, { version: ticket.version, ...body }),
    {
      onSuccess: () => {
        onClose();
        message.success(t('assign.done'));
      },
    },
  );
  const canSubmit = strategy !== 'manual' || (chosen !== undefined && chosen !== currentId);
  const strategies: Strategy[] = ['manual', 'least_loaded', 'round_robin', ...(currentId ? ['unassign' as const] : [])];

  return (
    <Modal
      open={open}
      title={`${t('assign.title')} · ${ticket.number}`}
      onCancel={onClose}
      onOk={() => assign.mutate(strategy === 'manual' ? { strategy, assigneeId: chosen } : { strategy })}
      okButtonProps={{ loading: assign.isPending, disabled: !canSubmit, 'data-testid': 'assign-submit' }}
      destroyOnHidden
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Radio.Group value={strategy} onChange={(event) => setStrategy(event.target.value)}>
          {strategies.map((s) => (
            <Radio key={s} value={s} data-testid={`assign-strategy-${s}`}>
              {t(`assign.strategy.${s}`)}
            </Radio>
          ))}
        </Radio.Group>
        {candidates.data?.skill && (
          <Typography.Text type="secondary">
            {t('assign.skillWanted', { skill: candidates.data.skill })}
          </Typography.Text>
        )}
        {strategy === 'manual' && (
          <>
            <Input.Search
              allowClear
              placeholder={t('assign.search')}
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              data-testid="assign-search"
            />
            <Spin spinning={candidates.isFetching && !candidates.data}>
              <div
                role="listbox"
                aria-label={t('assign.title')}
                data-testid="assignee-list"
                style={{ display: 'flex', flexDirection: 'column', gap: 8, maxHeight: '50vh', overflowY: 'auto' }}
              >
                {shown.map((item) => (
                  <AssigneeRow
                    key={item.userId}
                    item={item}
                    skill={candidates.data?.skill ?? null}
                    selected={item.userId === chosen}
                    current={item.userId === currentId}
                    onSelect={() => setChosen(item.userId)}
                  />
                ))}
                {candidates.data && shown.length === 0 && (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(search ? 'assign.noMatch' : 'empty')} />
                )}
              </div>
            </Spin>
          </>
        )}
        {(strategy === 'least_loaded' || strategy === 'round_robin') &&
          candidates.data &&
          (suggested ? (
            <Alert type="info" showIcon message={t('assign.autoPick', { name: suggested.displayName })} />
          ) : (
            <Alert type="warning" showIcon message={t('assign.autoNone')} />
          ))}
      </Space>
    </Modal>
  );
}
