import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { i18n } from '../i18n';
import { NamedSettingTab } from '../modules/customers/settings/NamedSettingTab';
import { customerSettingsKey } from '../modules/customers/settings/settingsApi';
import { ticketSettingsKey } from '../modules/tickets/settings/api';
import { SettingTab } from '../modules/tickets/settings/SettingTab';
import { SavedViewsBar } from './SavedViewsBar';

/** Shared list pieces rendered to HTML with the query cache filled, as after the first fetch. */
function render(node: ReactNode, data: [QueryKey, unknown][] = []) {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  for (const [key, value] of data) client.setQueryData(key, value);
  return renderToStaticMarkup(<QueryClientProvider client={client}>{node}</QueryClientProvider>);
}

const row = { key: 'billing', name: 'Billing', nameZh: '账务', nameEn: null, sortOrder: 10, isActive: false };
const never = () => Promise.reject(new Error('not called'));

describe('shared settings table and saved views bar', () => {
  afterAll(() => i18n.changeLanguage('zh-CN'));

  it('ticket settings list the entries, and only editors get create and row actions', async () => {
    await i18n.changeLanguage('en');
    const tab = (canEdit: boolean) =>
      render(
        <SettingTab
          name="root-causes"
          canEdit={canEdit}
          intro="Why tickets happen"
          load={never}
          create={never}
          update={never}
          remove={never}
          toValues={(r) => ({ key: r.key, name: r.nameZh })}
        />,
        [[[...ticketSettingsKey, 'root-causes', 'all'], { items: [row] }]],
      );
    const html = tab(true);
    expect(html).toContain('Why tickets happen');
    expect(html).toContain('billing');
    expect(html).toContain('账务');
    expect(html).toContain('Disabled');
    expect(html).toContain('>New<');
    expect(html).toContain('>Edit<');
    const readOnly = tab(false);
    expect(readOnly).toContain('账务');
    expect(readOnly).not.toContain('>New<');
    expect(readOnly).not.toContain('>Edit<');
  });

  it('customer named settings list the entries with create and row actions', async () => {
    await i18n.changeLanguage('en');
    const html = render(
      <NamedSettingTab name="categories" load={never} create={never} update={never} remove={never} />,
      [[[...customerSettingsKey, 'categories', 'all'], { items: [row] }]],
    );
    expect(html).toContain('billing');
    expect(html).toContain('账务');
    expect(html).toContain('>New<');
    expect(html).toContain('>Edit<');
  });

  it('the saved views bar speaks the wording of its module', async () => {
    await i18n.changeLanguage('en');
    const bar = (ns: 'customers' | 'tickets') =>
      render(
        <SavedViewsBar module={ns} ns={ns} testId={`${ns}-views`} currentValues={() => ({})} onApply={() => {}} />,
        [[['saved-views', ns], []]],
      );
    expect(bar('customers')).toContain('Saved filters');
    expect(bar('customers')).toContain('data-testid="customers-views"');
    expect(bar('tickets')).toContain('Saved views');
  });
});
