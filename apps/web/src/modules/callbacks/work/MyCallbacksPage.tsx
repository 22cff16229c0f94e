import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Card, List, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { EmptyHint, type EmptyHintAction } from '../../../components/EmptyHint';
import { CallbackCounts } from './CallbackCounts';
import { CallbackRow } from './CallbackRow';
import { callbackCountsKey, callbackListKey, countMyCallbacks, listCallbacks } from './callbackApi';
import { CALLBACK_VIEWS, type CallbackView, parseView, viewQuery } from './callbackRules';

const PAGE_SIZE = 20;

/** What an empty view suggests next. */
const NEXT: Partial<Record<CallbackView, CallbackView>> = {
  today: 'pending',
  overdue: 'today',
  unreached: 'today',
  done: 'today',
};

/**
 * 我的回访 (callbacks.work): my three counts, then my callbacks of one view (due today by default),
 * due first as the server orders them; a row opens the call screen. The view is in the address
 * (`?view=overdue`), so the counts' cards and other pages can link to it.
 */
export function MyCallbacksPage() {
  const { t } = useTranslation('callbacksWork');
  const [search, setSearch] = useSearchParams();
  const view = parseView(search.get('view'));
  const [page, setPage] = useState(1);
  const query = viewQuery(view, page, PAGE_SIZE);
  const counts = useQuery({ queryKey: callbackCountsKey, queryFn: countMyCallbacks });
  const list = useQuery({ queryKey: callbackListKey(query), queryFn: () => listCallbacks(query) });

  const select = (next: CallbackView) => {
    setPage(1);
    setSearch(next === 'today' ? {} : { view: next }, { replace: true });
  };
  const next = NEXT[view];
  const action: EmptyHintAction | undefined = next
    ? { label: t(`today.emptyAction.${next}`), onClick: () => select(next) }
    : undefined;

  return (
    <PageContainer content={t('today.intro')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <CallbackCounts counts={counts.data} view={view} onSelect={select} />
        <Card>
          <div style={{ overflowX: 'auto', marginBottom: 12, maxWidth: '100%' }}>
            <Segmented<CallbackView>
              data-testid="callbacks-view"
              value={view}
              onChange={select}
              options={CALLBACK_VIEWS.map((v) => ({ value: v, label: t(`today.views.${v}`) }))}
            />
          </div>
          <List
            data-testid="callbacks-list"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            rowKey="id"
            renderItem={(item) => (
              <List.Item style={{ paddingInline: 0 }}>
                <CallbackRow item={item} />
              </List.Item>
            )}
            pagination={
              (list.data?.total ?? 0) > PAGE_SIZE
                ? {
                    current: page,
                    pageSize: PAGE_SIZE,
                    total: list.data?.total ?? 0,
                    onChange: setPage,
                    showSizeChanger: false,
                    size: 'small',
                  }
                : false
            }
            locale={{
              emptyText: <EmptyHint testId="callbacks-empty" text={t(`today.empty.${view}`)} action={action} />,
            }}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}
