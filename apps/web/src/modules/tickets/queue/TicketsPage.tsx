import { PlusOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, type ProFormInstance, ProTable } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Grid, Tooltip, theme } from 'antd';
import { type HTMLAttributes, type Key, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { SortOrderMap } from '../../../api/listQuery';
import { useRealtimeRefresh } from '../../../api/realtime';
import { SavedViewsBar } from '../../../components/SavedViewsBar';
import { useCappedTotal } from '../../../components/useCappedTotal';
import { useAccess } from '../../auth/useAccess';
import { countTickets, listTickets, ticketCountsKey, ticketListKey, ticketsQueryKey } from '../core/api';
import { COMPLAINT_ROW_BG } from '../core/TicketMarks';
import { QUEUES, type QueueKey, type TicketCountsQuery, type TicketListItem } from '../core/types';
import { useTicketTypes } from '../settings/useTicketSettings';
import { BulkActions } from './BulkActions';
import { COUNT_CAP, formatCount, QueueChips } from './QueueChips';
import {
  type ChipKey,
  chipQuery,
  formValuesFrom,
  openByDefault,
  readQueueUrl,
  toggleChip,
  urlFiltersFrom,
  writeQueueUrl,
} from './queueUrl';
import { ShortcutHelp } from './ShortcutHelp';
import { moveIndex, shortcutAction } from './shortcuts';
import { HIDDEN_COLUMNS, ticketColumns } from './ticketColumns';
import { TICKET_EVENTS } from './ticketEvents';
import { queueFrom, toTicketFilters, toTicketQuery } from './ticketQuery';

/** Form values the table last searched with (for saved views), without ProTable's own keys. */
function searchValues(params: Record<string, unknown>): Record<string, unknown> {
  const {
    current: _c,
    pageSize: _p,
    _timestamp: _t,
    keyword: _k,
    queue: _q,
    open: _o,
    overdue: _v,
    due: _d,
    complaint: _cp,
    major: _m,
    ...rest
  } = params;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

const LIVE_REFRESH_DELAY_MS = 800;
/** The default columns' widths add up to less (fits the content area at 1366 px). */
const TABLE_MIN_WIDTH = 920;
/**
 * The table's first request takes the page the route prefetched (prefetch.ts) if it is this fresh;
 * every later request (paging, filters, reload, live refresh) asks the server.
 */
const PREFETCHED_FRESH_MS = 10_000;

/** The counts' query: the list's filters without page, sort and search text. */
function countsQueryOf(query: Record<string, unknown>): TicketCountsQuery {
  const { page: _p, pageSize: _s, sort: _o, q: _q, ...rest } = query;
  return rest as TicketCountsQuery;
}

/**
 * The ticket queue (triage first, issue 14): tabs mine / team / unassigned / watching / all with
 * counts, one-click chips, overdue first by default, filters and full-text search, saved views, bulk
 * actions, keyboard shortcuts and live refresh on ticket events. The address holds the tab, the
 * chips and the filters (queueUrl.ts): a link opens the queue filtered. Phones: one card per ticket.
 */
export function TicketsPage() {
  const { t } = useTranslation(['ticketsQueue', 'tickets', 'sla', 'common']);
  const access = useAccess();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { token } = theme.useToken();
  const [search, setSearch] = useSearchParams();
  const urlState = useMemo(() => readQueueUrl(search), [search]);
  const { queue, chips } = urlState;
  const searchRef = useRef(search);
  searchRef.current = search;
  const initialForm = useRef(formValuesFrom(urlState.filters));
  const screens = Grid.useBreakpoint();
  // Before the first measurement `screens` is empty: the table, as on a desktop.
  const compact = screens.md === false;
  const chipParams = useMemo(() => chipQuery(chips), [chips]);
  const [countsQuery, setCountsQuery] = useState<TicketCountsQuery>(() =>
    countsQueryOf({ ...toTicketFilters(initialForm.current), ...chipParams, queue }),
  );
  const counts = useQuery({
    queryKey: ticketCountsKey(countsQuery),
    queryFn: () => countTickets(countsQuery),
    placeholderData: (previous) => previous,
  });
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
      const current = readQueueUrl(searchRef.current);
      // The open chip takes the new tab's default ("mine": open only); the other chips stay.
      const nextChips = { ...current.chips, open: openByDefault(next) };
      setSearch(writeQueueUrl({ ...current, queue: next, chips: nextChips }), { replace: true });
      setActive(undefined);
      setSelected([]);
    },
    [setSearch],
  );

  const onToggleChip = useCallback(
    (chip: ChipKey) => {
      const current = readQueueUrl(searchRef.current);
      setSearch(writeQueueUrl({ ...current, chips: toggleChip(current.chips, chip) }), { replace: true });
      setActive(undefined);
    },
    [setSearch],
  );

  /** Keeps the form's filters in the address (after a search, a reset or a saved view). */
  const syncUrlFilters = useCallback(
    (query: Record<string, unknown>) => {
      const current = readQueueUrl(searchRef.current);
      const next = writeQueueUrl({ ...current, filters: urlFiltersFrom(query) });
      if (next.toString() !== searchRef.current.toString()) setSearch(next, { replace: true });
    },
    [setSearch],
  );

  // Live refresh: any ticket event reloads the page of the queue on screen and the counts
  // (debounced: a bulk action sends one event per ticket).
  useRealtimeRefresh(
    TICKET_EVENTS,
    () => {
      actionRef.current?.reload();
      void queryClient.invalidateQueries({ queryKey: [...ticketsQueryKey, 'counts'] });
    },
    LIVE_REFRESH_DELAY_MS,
  );

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
    compact,
  });
  const tabCount = (key: QueueKey) => {
    const n = counts.data?.queues[key];
    if (n === undefined) return null;
    return (
      <Tooltip title={t('counts.tabHelp', { cap: COUNT_CAP })}>
        <span data-testid={`queue-count-${key}`} style={{ marginInlineStart: 6, opacity: 0.75 }}>
          {formatCount(n)}
        </span>
      </Tooltip>
    );
  };

  return (
    <PageContainer
      tabList={QUEUES.map((key) => ({
        key,
        tab: (
          <span>
            <span data-testid={`queue-${key}`}>{t(`queue.${key}`)}</span>
            {tabCount(key)}
          </span>
        ),
      }))}
      tabActiveKey={queue}
      onTabChange={(key) => setQueue(queueFrom(key))}
    >
      <ProTable<TicketListItem, Record<string, unknown>>
        rowKey="id"
        actionRef={actionRef}
        formRef={formRef}
        columns={columns}
        params={{ queue, ...chipParams }}
        form={{ initialValues: initialForm.current }}
        scroll={compact ? undefined : { x: TABLE_MIN_WIDTH }}
        showHeader={!compact}
        tableExtraRender={() => <QueueChips chips={chips} counts={counts.data?.chips} onToggle={onToggleChip} />}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          showTotal: cappedTotal.showTotal,
        }}
        search={{
          labelWidth: 'auto',
          defaultCollapsed: true,
          defaultColsNumber: 4,
          span: { xs: 24, sm: 12, md: 12, lg: 8, xl: 6, xxl: 6 },
          collapseRender: (collapsed) => (collapsed ? t('filters.more') : t('filters.less')),
        }}
        columnsState={{
          persistenceKey: 'kefu.tickets.columns.v2',
          persistenceType: 'localStorage',
          defaultValue: Object.fromEntries(HIDDEN_COLUMNS.map((key) => [key, { show: false }])),
        }}
        request={async (params, sort) => {
          const { queue: tab, ...rest } = params;
          const query = toTicketQuery(rest, sort as SortOrderMap, queueFrom(String(tab ?? '')));
          setLastValues(searchValues(rest));
          setCountsQuery(countsQueryOf(query));
          syncUrlFilters(query);
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
          canWrite && !compact
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
            currentValues={() => ({ ...lastValues, queue, ...chipParams })}
            onApply={(view) => {
              formRef.current?.resetFields();
              if (view) {
                const { queue: savedQueue, open, overdue, due, complaint, major, ...values } = view.query;
                const savedTab = typeof savedQueue === 'string' ? queueFrom(savedQueue) : queue;
                const yes = (v: unknown) => v === true || v === 'true';
                setSearch(
                  writeQueueUrl({
                    queue: savedTab,
                    chips: {
                      open: open === undefined ? openByDefault(savedTab) : yes(open),
                      overdue: yes(overdue),
                      ...(due === 'today' || due === 'hour' ? { due } : {}),
                      complaint: yes(complaint),
                      major: yes(major),
                    },
                    filters: {},
                  }),
                  { replace: true },
                );
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
