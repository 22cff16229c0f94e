import {
  ProFormDependency,
  ProFormDigit,
  ProFormList,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProTable,
} from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomFieldBody, CustomFieldDefinition, CustomFieldType } from '../../../api/types';
import {
  activeColumn,
  CreateButton,
  editorActionsColumn,
  SettingModalForm,
  useSettingEditor,
} from '../../../components/SettingEditor';
import { SETTING_KEY_PATTERN } from './NamedSettingTab';
import {
  createCustomField,
  customerSettingsKey,
  deleteCustomField,
  listCustomFields,
  updateCustomField,
} from './settingsApi';

const TYPES: CustomFieldType[] = ['text', 'number', 'date', 'select', 'multi_select'];
type Values = Omit<CustomFieldBody, 'options'> & { options?: { value: string; label: string; labelEn?: string }[] };
const hasOptions = (type: CustomFieldType | undefined) => type === 'select' || type === 'multi_select';

/** Custom fields: type, options (for selects), required; type is fixed once customers have values. */
export function CustomFieldsTab() {
  const { t } = useTranslation(['customersSettings', 'customers', 'common']);
  const query = useQuery({
    queryKey: [...customerSettingsKey, 'custom-fields', 'all'],
    queryFn: () => listCustomFields(),
  });
  const editor = useSettingEditor<CustomFieldDefinition, Values>({
    invalidateKey: customerSettingsKey,
    save: ({ key, ...values }, existing) => {
      const body = {
        ...values,
        label: values.label.trim(),
        labelEn: values.labelEn?.trim() || null,
        options: hasOptions(values.type)
          ? (values.options ?? []).map((o) => ({
              value: o.value.trim(),
              label: o.label.trim(),
              labelEn: o.labelEn?.trim() || undefined,
            }))
          : [],
      };
      return existing ? updateCustomField(existing.key, body) : createCustomField({ key, ...body });
    },
    remove: deleteCustomField,
    deactivatedText: t('settings.deactivated'),
  });
  const { existing } = editor;

  return (
    <>
      <ProTable<CustomFieldDefinition>
        rowKey="key"
        search={false}
        options={false}
        pagination={false}
        loading={query.isLoading}
        dataSource={query.data?.items ?? []}
        toolBarRender={() => [<CreateButton key="new" onClick={() => editor.setEditing('new')} />]}
        columns={[
          { title: t('settings.key'), dataIndex: 'key' },
          { title: t('settings.label'), dataIndex: 'labelZh' },
          { title: t('settings.nameEn'), dataIndex: 'labelEn', render: (_, r) => r.labelEn ?? '-' },
          { title: t('settings.fieldType'), dataIndex: 'type', render: (_, r) => t(`settings.types.${r.type}`) },
          {
            title: t('settings.options'),
            dataIndex: 'options',
            render: (_, r) => (r.options.length ? r.options.map((o) => <Tag key={o.value}>{o.label}</Tag>) : '-'),
          },
          {
            title: t('settings.required'),
            dataIndex: 'isRequired',
            render: (_, r) => (r.isRequired ? t('customers:yesNo.yes') : t('customers:yesNo.no')),
          },
          { title: t('settings.usage'), dataIndex: 'usage' },
          activeColumn(t('common:fields.status')),
          editorActionsColumn(editor, {
            title: t('common:fields.actions'),
            id: (r) => r.key,
            confirmTitle: (r) => t('settings.deleteConfirm', { name: r.label }),
          }),
        ]}
      />
      <SettingModalForm<CustomFieldDefinition, Values>
        editor={editor}
        rowKey={(row) => row.key}
        width={640}
        initialValues={
          existing
            ? {
                key: existing.key,
                label: existing.labelZh,
                labelEn: existing.labelEn ?? undefined,
                type: existing.type,
                options: existing.options.map((o) => ({
                  value: o.value,
                  label: o.labelZh,
                  labelEn: o.labelEn ?? undefined,
                })),
                isRequired: existing.isRequired,
                sortOrder: existing.sortOrder,
                isActive: existing.isActive,
              }
            : { type: 'text', isRequired: false, isActive: true, sortOrder: 100 }
        }
      >
        <ProFormText
          name="key"
          label={t('settings.key')}
          disabled={!!existing}
          tooltip={t('settings.keyHint')}
          rules={[{ required: true }, { pattern: SETTING_KEY_PATTERN, message: t('settings.keyHint') }]}
        />
        <ProFormText name="label" label={t('settings.label')} rules={[{ required: true, whitespace: true, max: 64 }]} />
        <ProFormText name="labelEn" label={t('settings.nameEn')} rules={[{ max: 64 }]} />
        <ProFormSelect
          name="type"
          label={t('settings.fieldType')}
          disabled={!!existing && existing.usage > 0}
          extra={existing && existing.usage > 0 ? t('settings.typeLocked', { count: existing.usage }) : undefined}
          options={TYPES.map((type) => ({ value: type, label: t(`settings.types.${type}`) }))}
          rules={[{ required: true }]}
        />
        <ProFormDependency name={['type']}>
          {({ type }) =>
            hasOptions(type) && (
              <ProFormList
                name="options"
                label={t('settings.options')}
                creatorButtonProps={{ creatorButtonText: t('settings.addOption') }}
                rules={[
                  {
                    validator: async (_, list) => {
                      if (!list?.length) throw new Error(t('settings.optionsRequired'));
                    },
                  },
                ]}
              >
                <Space align="start">
                  <ProFormText
                    name="value"
                    placeholder={t('settings.optionValue')}
                    rules={[{ required: true, whitespace: true, max: 64 }]}
                  />
                  <ProFormText
                    name="label"
                    placeholder={t('settings.optionLabel')}
                    rules={[{ required: true, whitespace: true, max: 64 }]}
                  />
                  <ProFormText name="labelEn" placeholder={t('settings.optionLabelEn')} rules={[{ max: 64 }]} />
                </Space>
              </ProFormList>
            )
          }
        </ProFormDependency>
        <Space size="large">
          <ProFormSwitch name="isRequired" label={t('settings.required')} />
          <ProFormSwitch name="isActive" label={t('common:fields.status')} />
          <ProFormDigit
            name="sortOrder"
            label={t('settings.sortOrder')}
            min={0}
            max={10000}
            fieldProps={{ precision: 0 }}
          />
        </Space>
      </SettingModalForm>
    </>
  );
}
