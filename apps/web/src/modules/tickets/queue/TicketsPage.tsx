import { PlusOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, type ProFormInstance, ProTable } from '@ant-design/pro-components';
import { useQueryClient } from '@tanstack/react-query';
import { Button, theme } from 'antd';
import { type HTMLAttributes, type Key, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { SortOrderMap } from '../../../api/listQuery';
import { useRealtimeRefresh } from '../../../api/realtime';
import { SavedViewsBar } from '../../../components/SavedViewsBar';
import { useCappedTotal } from '../../../components/useCappedTotal';
import { useAccess } from '../../auth/useAccess';
import { listTickets, ticketListKey } from '../core/api';
import { COMPLAINT_ROW_BG } from '../core/TicketMarks';
import { QUEUES, type QueueKey, type TicketListItem } from '../core/types';
import { useTicketTypes } from '../settings/useTicketSettings';
import { BulkActions } from './BulkActions';
import { ShortcutHelp } from './ShortcutHelp';
import { moveIndex, shortcutAction } from './shortcuts';
import { ticketColumns } from './ticketColumns';
import { TICKET_EVENTS } from './ticketEvents';
import { queueFrom, toTicketQuery } from './ticketQuery';

/** Form values the table last searched with (for saved views), without ProTable's own keys. */
function searchValues(params: Record<string, unknown>): Record<string, unknown> {
  const { current: _c, pageSize: _p, _timestamp: _t, keyword: _k, queue: _q, ...rest } = params;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

const LIVE_REFRESH_DELAY_MS = 800;
/**
 * The table's first request takes the page the route prefetched (prefetch.ts) if it is this fresh;
 * every later request (paging, filters, reload, live refresh) asks the server.
 */
const PREFETCHED_FRESH_MS = 10_000;

/**
 * The ticket queue: tabs mine / team / unassigned / watching / all, filters and full-text search,
 * saved views, bulk actions, keyboard shortcuts and live refresh on ticket events.
 */
export function TicketsPage() {
  const { t } = useTranslation(['ticketsQueue', 'tickets', 'sla', 'common']);
  const access = useAccess();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { token } = theme.useToken();
  const [search, setSearch] = useSearchParams();
  const queue = queueFrom(search.get('queue'));
  const actionRef = useRef<ActionType>(null);
  const formRef = useRef<ProFormInstance>(undefined);
  const cappedTotal = useCappedTotal('tickets');
  const [rows, setRows] = useState<TicketListItem[]>([]);
  const [active, setActive] = useState<number | undefined>();
  const [selected, setSelected] = useState<Key[]>([]);
  const [lastValues, setLastValues] = useState<Record<string, unknown>>({});
  const [helpOpen, setHelpOpen] = useState(false);
  const firstRequest = useRef(true);
  const types = useTicketTypes();
  const canWrite = access.can('tickets.write');

  const setQueue = useCallback(
    (next: QueueKey) => {
      setSearch(next === 'mine' ? {} : { queue: next }, { replace: true });
      setActive(undefined);
      setSelected([]);
    },
    [setSearch],
  );

  // Live refresh: any ticket event reloads the page of the queue on screen (debounced: a bulk
  // action sends one event per ticket).
  useRealtimeRefresh(TICKET_EVENTS, () => actionRef.current?.reload(), LIVE_REFRESH_DELAY_MS);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('.ant-modal-wrap, .ant-drawer-open')) return;
      const action = shortcutAction(event);
      if (!action) return;
      const row = active === undefined ? undefined : rows[active];
      switch (action) {
        case 'new':
          if (canWrite) navigate('/tickets/new');
          break;
        case 'search':
          document.querySelector<HTMLInputElement>('input[data-testid="ticket-search"]')?.focus();
          break;
        case 'next':
        case 'previous':
          setActive((current) => moveIndex(current, action === 'next' ? 1 : -1, rows.length));
          break;
        case 'open':
          if (!row) return;
          navigate(`/tickets/${row.id}`);
          break;
        case 'select':
          if (!row) return;
          setSelected((keys) => (keys.includes(row.id) ? keys.filter((k) => k !== row.id) : [...keys, row.id]));
          break;
        case 'refresh':
          actionRef.current?.reload();
          break;
        case 'help':
          setHelpOpen((open) => !open);
          break;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, rows, canWrite, navigate]);

  const columns = ticketColumns({
    t,
    typeOptions: types.options,
    typeLabel: types.label,
    canPickUsers: access.can('users.read'),
  });

  return (
    <PageContainer
      tabList={QUEUES.map((key) => ({ key, tab: <span data-testid={`queue-${key}`}>{t(`queue.${key}`)}</span> }))}
      tabActiveKey={queue}
      onTabChange={(key) => setQueue(queueFrom(key))}
    >
      <ProTable<TicketListItem, Record<string, unknown>>
        rowKey="id"
        actionRef={actionRef}
        formRef={formRef}
        columns={columns}
        params={{ queue }}
        scroll={{ x: 'max-content' }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          showTotal: cappedTotal.showTotal,
        }}
        search={{ labelWidth: 'auto', defaultCollapsed: true }}
        columnsState={{ persistenceKey: 'kefu.tickets.columns', persistenceType: 'localStorage' }}
        request={async (params, sort) => {
          const { queue: tab, ...rest } = params;
          const query = toTicketQuery(rest, sort as SortOrderMap, queueFrom(String(tab ?? '')));
          setLastValues(searchValues(rest));
          const staleTime = firstRequest.current ? PREFETCHED_FRESH_MS : 0;
          firstRequest.current = false;
          const result = await queryClient.fetchQuery({
            queryKey: ticketListKey(query),
            queryFn: () => listTickets(query),
            staleTime,
          });
          cappedTotal.record(result);
          setRows(result.items);
          setActive((current) => (current !== undefined && current < result.items.length ? current : undefined));
          return { data: result.items, total: result.total, success: true };
        }}
        onRow={(row, index) =>
          ({
            'data-testid': 'ticket-row',
            'data-complaint': row.isComplaint ? 'true' : 'false',
            'data-major': row.isMajor ? 'true' : 'false',
            style: {
              background: row.isComplaint ? COMPLAINT_ROW_BG : undefined,
              outline: index === active ? `2px solid ${token.colorPrimary}` : undefined,
              outlineOffset: -2,
            },
            onClick: () => setActive(index),
          }) as HTMLAttributes<HTMLElement>
        }
        rowSelection={
          canWrite
            ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys), preserveSelectedRowKeys: true }
            : false
        }
        tableAlertRender={({ selectedRowKeys, onCleanSelected }) => (
          <span>
            {t('bulk.selected', { count: selectedRowKeys.length })}
            <Button type="link" size="small" onClick={onCleanSelected}>
              {t('bulk.clear')}
            </Button>
          </span>
        )}
        tableAlertOptionRender={() => (
          <BulkActions
            ids={selected.map(String)}
            canAssign={access.can('tickets.assign')}
            onDone={() => {
              setSelected([]);
              actionRef.current?.reload();
            }}
          />
        )}
        headerTitle={
          <SavedViewsBar
            module="tickets"
            ns="tickets"
            minWidth={180}
            testId="ticket-views"
            currentValues={() => ({ ...lastValues, queue })}
            onApply={(view) => {
              formRef.current?.resetFields();
              if (view) {
                const { queue: savedQueue, ...values } = view.query;
                if (typeof savedQueue === 'string') setQueue(queueFrom(savedQueue));
                formRef.current?.setFieldsValue(values);
              }
              formRef.current?.submit();
            }}
          />
        }
        toolBarRender={() => [
          <ShortcutHelp key="help" open={helpOpen} onOpenChange={setHelpOpen} />,
          canWrite && (
            <Button
              key="create"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/tickets/new')}
              data-testid="ticket-create"
            >
              {t('tickets:list.create')}
            </Button>
          ),
        ]}
      />
    </PageContainer>
  );
}
