import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router-dom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Department, Me, MilestoneType } from '../../../api/types';
import { i18n } from '../../../i18n';
import { meQueryKey } from '../../auth/api';
import { customerSettingsKey } from '../../customers/settings/settingsApi';
import { departmentsQueryKey } from '../../departments/api';
import type { TicketType } from '../../tickets/settings/types';
import { ticketTypesQuery } from '../../tickets/settings/useTicketSettings';
import { type CallbackSettings, callbackSettingsKey } from '../quietWindows';
import { callbackCampaignsListKey, callbackPlansListKey } from './api';
import { CampaignsPage } from './CampaignsPage';
import { campaign, fieldVisit, plan, studio } from './fixtures';
import { PlansPage } from './PlansPage';

const milestoneTypes = [
  { key: 'booking', name: '预订' },
  { key: 'shoot', name: '拍摄' },
  { key: 'wedding_day', name: '婚礼日' },
] as MilestoneType[];

function render(page: ReactNode, fill: (client: QueryClient) => void) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  const permissions = ['callbacks.manage', 'customers.read', 'users.read'];
  client.setQueryData(meQueryKey, { id: 'u1', username: 'sup', displayName: '周主管', permissions } as Me);
  client.setQueryData([...customerSettingsKey, 'milestone-types', 'active'], { items: milestoneTypes });
  client.setQueryData(ticketTypesQuery.queryKey, [{ key: 'service', name: '报修' }] as TicketType[]);
  client.setQueryData(departmentsQueryKey, { items: [{ id: 'd1', name: '客服部' }] as Department[] });
  client.setQueryData<CallbackSettings>(callbackSettingsKey, {
    quietWindows: [
      { start: '12:00', end: '14:00' },
      { start: '21:00', end: '09:00' },
    ],
    capDays: 0,
    retriesPerDay: 2,
    retryGapMinutes: 60,
    deadlineWorkingDays: 3,
    updatedAt: '2026-12-01T02:00:00.000Z',
  });
  fill(client);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter>{page}</MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('callback plans and campaigns pages', () => {
  // Rendered to static markup (no DOM): React's notice that layout effects do not run there is expected.
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

  it('lists the plans with their trigger in words, and a one-click button per template', async () => {
    await i18n.changeLanguage('zh-CN');
    const items = [
      plan('off', { name: '停用的计划', isActive: false, departmentId: 'd1' }),
      studio,
      fieldVisit,
      plan('camp', { name: '活动计划', trigger: 'campaign' }),
    ];
    const html = render(<PlansPage />, (client) => client.setQueryData(callbackPlansListKey, { items }));
    expect(html).toContain('data-testid="plans-table"');
    expect(html).toContain('data-testid="plan-new"');
    expect(html).toContain('data-testid="plan-from-template-studio"');
    expect(html).toContain('data-testid="plan-from-template-field_visit"');
    expect(html).toContain('按「影楼客户回访计划」新建');
    expect(html).toContain('里程碑日期后：预订、拍摄、婚礼日');
    expect(html).toContain('上门服务后：报修');
    expect(html).toContain('客服部');
    expect(html).toContain('3 步');
    expect(html).not.toContain('活动计划');
    expect(html.indexOf('影楼客户回访计划</span>')).toBeLessThan(html.indexOf('停用的计划'));
    expect(html).not.toContain('field_visit<');
    expect(html).toContain('data-testid="callback-settings"');
    expect(html).toContain('data-testid="callback-settings-edit"');
    expect(html).toContain('12:00–14:00、21:00–次日 09:00');
    expect(html).toContain('不限制');
    expect(html).toContain('3 个工作日');
    expect(html).toContain('60 分钟');
  });

  it('says what to do when there is no plan, in English too', async () => {
    await i18n.changeLanguage('en');
    const html = render(<PlansPage />, (client) => client.setQueryData(callbackPlansListKey, { items: [] }));
    expect(html).toContain('No callback plans yet');
    expect(html).toContain('data-testid="plans-empty"');
  });

  it('lists past campaigns with their progress and what needs attention', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = render(<CampaignsPage />, (client) =>
      client.setQueryData(callbackCampaignsListKey, { items: [campaign()] }),
    );
    expect(html).toContain('data-testid="campaigns-table"');
    expect(html).toContain('data-testid="campaign-new"');
    expect(html).toContain('重点客户年中回访');
    expect(html).toContain('已完成 70 / 118');
    expect(html).toContain('等级: A,B');
    expect(html).toContain('仅重点客户');
    expect(html).toContain('未联系上 8');
    expect(html).toContain('待分配 3');
  });
});
