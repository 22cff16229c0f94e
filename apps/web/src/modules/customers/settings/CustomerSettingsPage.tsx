import { PageContainer, ProFormRadio, ProFormSwitch } from '@ant-design/pro-components';
import { Card, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { CustomerCategory, MilestoneType } from '../../../api/types';
import { BandsTab } from './BandsTab';
import { CriteriaTab } from './CriteriaTab';
import { CustomFieldsTab } from './CustomFieldsTab';
import { NamedSettingTab, type NamedValues } from './NamedSettingTab';
import {
  createCategory,
  createMilestoneType,
  deleteCategory,
  deleteMilestoneType,
  listCategories,
  listMilestoneTypes,
  updateCategory,
  updateMilestoneType,
} from './settingsApi';

const TABS = ['categories', 'customFields', 'milestoneTypes', 'criteria', 'bands'] as const;

/** 客户设置: categories, custom fields, milestone types, evaluation criteria and grade bands. */
export function CustomerSettingsPage() {
  const { t } = useTranslation(['customersSettings', 'common']);
  const [search, setSearch] = useSearchParams();
  const active = (TABS as readonly string[]).includes(search.get('tab') ?? '')
    ? (search.get('tab') as string)
    : 'categories';

  const items = [
    {
      key: 'categories',
      label: t('settings.tabs.categories'),
      children: (
        <NamedSettingTab<CustomerCategory>
          name="categories"
          load={() => listCategories()}
          create={(v) =>
            createCategory({ ...v, isSpecial: Boolean(v.isSpecial) } as Parameters<typeof createCategory>[0])
          }
          update={(key, v) => updateCategory(key, v as Parameters<typeof updateCategory>[1])}
          remove={deleteCategory}
          toValues={(row) => ({ isSpecial: row.isSpecial })}
          extraColumns={[
            {
              title: t('settings.special'),
              dataIndex: 'isSpecial',
              render: (_, row) => (row.isSpecial ? <Tag color="purple">{t('settings.special')}</Tag> : '-'),
            },
          ]}
          extraFields={
            <ProFormSwitch name="isSpecial" label={t('settings.special')} tooltip={t('settings.specialHint')} />
          }
        />
      ),
    },
    { key: 'customFields', label: t('settings.tabs.customFields'), children: <CustomFieldsTab /> },
    {
      key: 'milestoneTypes',
      label: t('settings.tabs.milestoneTypes'),
      children: (
        <NamedSettingTab<MilestoneType>
          name="milestone-types"
          load={() => listMilestoneTypes()}
          create={(v: NamedValues) =>
            createMilestoneType({ ...v, appliesTo: v.appliesTo ?? 'customer' } as Parameters<
              typeof createMilestoneType
            >[0])
          }
          update={(key, v) => updateMilestoneType(key, v as Parameters<typeof updateMilestoneType>[1])}
          remove={deleteMilestoneType}
          toValues={(row) => ({ appliesTo: row.appliesTo })}
          extraColumns={[
            {
              title: t('settings.appliesTo'),
              dataIndex: 'appliesTo',
              render: (_, row) => t(`settings.applies.${row.appliesTo}`),
            },
          ]}
          extraFields={
            <ProFormRadio.Group
              name="appliesTo"
              label={t('settings.appliesTo')}
              initialValue="customer"
              options={[
                { value: 'customer', label: t('settings.applies.customer') },
                { value: 'order', label: t('settings.applies.order') },
              ]}
            />
          }
        />
      ),
    },
    { key: 'criteria', label: t('settings.tabs.criteria'), children: <CriteriaTab /> },
    { key: 'bands', label: t('settings.tabs.bands'), children: <BandsTab /> },
  ];

  return (
    <PageContainer>
      <Card>
        <Tabs
          activeKey={active}
          onChange={(key) => setSearch({ tab: key }, { replace: true })}
          items={items}
          destroyOnHidden
        />
      </Card>
    </PageContainer>
  );
}
