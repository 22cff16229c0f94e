import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../../i18n';
import { callbackCountsKey, callbackListKey } from './callbackApi';
import { callbackItem } from './callbackFixtures';
import { type CallbackView, viewQuery } from './callbackRules';
import type { CallbackItem } from './callbackTypes';
import { MyCallbacksPage } from './MyCallbacksPage';

function render(view: CallbackView, items: CallbackItem[]) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  client.setQueryData(callbackCountsKey, { today: 2, overdue: 1, unreached: 0 });
  client.setQueryData(callbackListKey(viewQuery(view, 1, 20)), { items, total: items.length, page: 1, pageSize: 20 });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[view === 'today' ? '/callbacks/today' : `/callbacks/today?view=${view}`]}>
        <MyCallbacksPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('my callbacks', () => {
  const error = console.error;
  beforeAll(() => {
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).includes('useLayoutEffect does nothing on the server')) error(...args);
    });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await i18n.changeLanguage('zh-CN');
  });

  it('shows the counts and the rows in the server order, with their marks and links', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = render('today', [
      callbackItem({ id: '00000000-0000-4000-8000-00000000000a', overdue: true, attempts: 2, sourceKind: 'low_score' }),
      callbackItem({ id: '00000000-0000-4000-8000-00000000000b', customer: { id: 'c2', name: '李明' } }),
    ]);
    expect(html).toContain('data-testid="callbacks-count-today"');
    expect(html).toContain('今日待回访');
    expect(html.match(/data-testid="callback-row"/g)).toHaveLength(2);
    expect(html.indexOf('张晓雨')).toBeLessThan(html.indexOf('李明'));
    expect(html).toContain('href="/callbacks/00000000-0000-4000-8000-00000000000a"');
    expect(html).toContain('data-testid="callback-tag-overdue"');
    expect(html).toContain('低分跟进');
    expect(html).toContain('已拨 2 次');
    expect(html).toContain('电话');
    expect(html).not.toContain('low_score');
  });

  it('says what to do next when nothing is due today, in English too', async () => {
    await i18n.changeLanguage('en');
    const html = render('today', []);
    expect(html).toContain('Nothing due today');
    expect(html).toContain('Show all pending');
    expect(html).toContain('Needs write-up');
  });
});
