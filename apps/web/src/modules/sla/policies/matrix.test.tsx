import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n';
import { PolicyMatrixTable } from './PolicyMatrix';
import { splitMinutes, toMinutes, weightTotal } from './targets';
import type { Policy, PolicyMatrix } from './types';

const policy = (over: Partial<Policy>): Policy => ({
  id: 'p',
  nameZh: '',
  nameEn: '',
  name: '',
  metric: 'first_response',
  typeKey: null,
  priority: null,
  customerGrade: null,
  departmentId: null,
  targetMinutes: 120,
  timeBasis: 'business',
  calendarId: 'cn-workdays',
  warnPercents: [50, 75, 90],
  ladderId: null,
  followUpMinutes: null,
  isActive: true,
  sortOrder: 0,
  version: 1,
  ...over,
});

const POLICIES = [
  policy({ id: 'p1', name: '投诉首次响应', typeKey: 'complaint', priority: 'normal', targetMinutes: 120 }),
  policy({
    id: 'p2',
    name: '投诉解决',
    typeKey: 'complaint',
    metric: 'resolution',
    targetMinutes: 2880,
    timeBasis: 'calendar',
  }),
];

const MATRIX: PolicyMatrix = {
  metrics: ['first_response', 'next_reply', 'resolution', 'promised_reply'],
  types: [{ key: 'complaint', name: '投诉' }],
  priorities: ['normal', 'high'],
  grades: [],
  cells: [
    {
      typeKey: 'complaint',
      priority: 'normal',
      customerGrade: null,
      policies: {
        first_response: { id: 'p1', name: '投诉首次响应', targetMinutes: 120, timeBasis: 'business' },
        next_reply: null,
        resolution: { id: 'p2', name: '投诉解决', targetMinutes: 2880, timeBasis: 'calendar' },
        promised_reply: null,
      },
    },
    {
      typeKey: 'complaint',
      priority: 'high',
      customerGrade: null,
      policies: {
        first_response: null,
        next_reply: null,
        resolution: { id: 'p2', name: '投诉解决', targetMinutes: 2880, timeBasis: 'calendar' },
        promised_reply: null,
      },
    },
  ],
};

const render = () =>
  renderToStaticMarkup(
    <PolicyMatrixTable
      matrix={MATRIX}
      policies={new Map(POLICIES.map((p) => [p.id, p]))}
      calendarNames={new Map([['cn-workdays', '法定工作日']])}
      grade={null}
      onCell={() => undefined}
    />,
  );

function cellOf(html: string, testId: string): string {
  const match = new RegExp(`<button[^>]*data-testid="${testId}"[^>]*>.*?</button>`).exec(html);
  if (!match) throw new Error(`no cell ${testId}`);
  return match[0];
}

describe('policy matrix', () => {
  it('shows the resolved target of each type × priority × metric, own policies apart from inherited ones', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = render();
    for (const metric of ['首次响应', '下次回复', '解决', '承诺回复']) expect(html).toContain(`>${metric}<`);
    expect(html).toContain('投诉');
    const first = cellOf(html, 'matrix-cell-complaint-normal-first_response');
    expect(first).toContain('2 小时 · 工作时间 · 法定工作日');
    expect(first).toContain('kefu-matrix-own');
    // A type-wide policy applies to every priority, shown as inherited; calendar time names no calendar.
    const resolution = cellOf(html, 'matrix-cell-complaint-high-resolution');
    expect(resolution).toContain('2 天 · 自然时间<');
    expect(resolution).toContain('kefu-matrix-inherited');
    expect(cellOf(html, 'matrix-cell-complaint-high-first_response')).toContain('未设置');
    expect(html).toContain('部门处理时限按接手部门设置');
  });

  it('in English', async () => {
    await i18n.changeLanguage('en');
    expect(cellOf(render(), 'matrix-cell-complaint-normal-first_response')).toContain(
      '2 h · Business time · 法定工作日',
    );
    await i18n.changeLanguage('zh-CN');
  });

  it('converts targets and checks the weights', () => {
    expect(splitMinutes(120)).toEqual({ value: 2, unit: 'h' });
    expect(splitMinutes(4320)).toEqual({ value: 3, unit: 'd' });
    expect(splitMinutes(90)).toEqual({ value: 90, unit: 'min' });
    expect(toMinutes(1.5, 'h')).toBe(90);
    expect(weightTotal({ first_response: 30, resolution: 40, promised_reply: 30 })).toEqual({ total: 100, ok: true });
    expect(weightTotal({ first_response: 30, resolution: 40 }).ok).toBe(false);
  });
});

describe('ladder recipients', () => {
  it('keep how far up the superior chain goes when edited and saved again', async () => {
    const { recipientOf, recipientValue } = await import('./targets');
    for (const recipient of [
      { kind: 'superior_chain', depth: 2 },
      { kind: 'superior_chain' },
      { kind: 'role', role: 'supervisor' },
      { kind: 'user', userId: '00000000-0000-4000-8000-000000000001' },
      { kind: 'general_manager' },
    ] as const)
      expect(recipientOf(recipientValue(recipient))).toEqual(recipient);
  });
});
