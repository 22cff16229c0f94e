import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n';
import { meQueryKey } from '../auth/api';
import { cannedRepliesKey, forbiddenPhrasesKey, servicePhrasesKey } from './api';
import { ForbiddenHits } from './ForbiddenHits';
import { PhrasePicker } from './PhrasePicker';
import { useForbiddenCheck } from './useForbiddenCheck';

/**
 * The reusable pieces rendered to HTML (no DOM needed): the query cache is filled beforehand, as
 * after the first fetch, so what is asserted is what the agent sees.
 */
function withData(node: ReactNode, permissions: string[] = ['phrases.read'], withList = true) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  client.setQueryData(meQueryKey, { id: 'u1', permissions, dataScope: 'own' });
  if (withList)
    client.setQueryData([...forbiddenPhrasesKey, 'active'], {
      items: [
        { id: 'f1', phrase: '这不归我管', alternative: '我马上帮您联系负责的同事', exceptions: [], isActive: true },
        { id: 'f2', phrase: '不知道', alternative: '我马上为您查询', exceptions: ['不知道您'], isActive: true },
      ],
    });
  client.setQueryData([...servicePhrasesKey, 'active'], {
    items: [
      { id: 'p1', category: '问候', text: '您好，很高兴为您服务。', textEn: 'Hello, happy to help.' },
      { id: 'p2', category: '结束语', text: '感谢您的来电，再见！', textEn: null },
    ],
  });
  client.setQueryData([...cannedRepliesKey, 'all'], {
    items: [
      {
        id: 'c1',
        title: '受理确认',
        body: '{customerName}您好，工单 {ticketNumber} 已登记。',
        category: '受理',
        isShared: true,
      },
      { id: 'c2', title: '我的开场', body: '{contactName}您好！', category: null, isShared: false },
    ],
  });
  return renderToStaticMarkup(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

function Probe({ text }: { text: string }) {
  const { hits, checking, ready } = useForbiddenCheck(text);
  return <pre>{JSON.stringify({ ready, checking, hits: hits.map((h) => [h.phrase, h.start, h.end]) })}</pre>;
}
const probe = (html: string) => JSON.parse(html.replace(/^<pre>|<\/pre>$/g, '').replace(/&quot;/g, '"'));

describe('phrases components', () => {
  it('useForbiddenCheck checks in the browser with the list fetched once', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(probe(withData(<Probe text="这 不 归 我 管，不知道您是否方便？" />))).toEqual({
      ready: true,
      checking: false,
      hits: [['这不归我管', 0, 9]],
    });
    expect(probe(withData(<Probe text="您好" />))).toMatchObject({ ready: true, hits: [] });
    // Without phrases.read the list is not fetched and nothing is flagged (the server still checks).
    expect(probe(withData(<Probe text="不知道" />, [], false))).toEqual({ ready: false, checking: false, hits: [] });
  });

  it('ForbiddenHits shows "never say / say instead" per phrase with a replace action', async () => {
    await i18n.changeLanguage('zh-CN');
    const text = '不知道，这不归我管，不知道';
    const hits = [
      { phrase: '不知道', alternative: '我马上为您查询', start: 0, end: 3, matched: '不知道' },
      { phrase: '这不归我管', alternative: '我马上帮您联系', start: 4, end: 9, matched: '这不归我管' },
      { phrase: '不知道', alternative: '我马上为您查询', start: 10, end: 13, matched: '不知道' },
    ];
    const html = withData(<ForbiddenHits hits={hits} text={text} onChange={() => undefined} showText />);
    expect(html).toContain('回复中有 2 种服务忌语');
    expect(html.match(/data-testid="forbidden-hit"/g)).toHaveLength(2);
    expect(html).toContain('我马上为您查询');
    expect(html).toContain('2 处');
    expect(html.match(/替换为建议说法/g)).toHaveLength(2);
    expect(html.match(/<mark/g)).toHaveLength(3);
    expect(withData(<ForbiddenHits hits={[]} />)).toBe('');
    // Read-only: no replace button without a text to change.
    expect(withData(<ForbiddenHits hits={hits} />)).not.toContain('替换为建议说法');
  });

  it('PhrasePicker lists canned replies rendered with the ticket and the phrase library', async () => {
    await i18n.changeLanguage('en');
    const html = withData(
      <PhrasePicker onInsert={() => undefined} vars={{ customerName: '华信医疗', ticketNumber: 'T-000123' }} />,
    );
    expect(html).toContain('Canned replies (2)');
    expect(html).toContain('Service phrases (2)');
    expect(html).toContain('华信医疗您好，工单 T-000123 已登记。');
    expect(html).toContain('{contactName}您好！');
    expect(html).toContain('Personal');
    await i18n.changeLanguage('zh-CN');
  });
});
