import {
  ProForm,
  ProFormDependency,
  ProFormDigit,
  ProFormList,
  ProFormSwitch,
  ProFormText,
} from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { weightSum } from '../grading/scoring';
import { SETTING_KEY_PATTERN } from './NamedSettingTab';
import { customerSettingsKey, listCriteria, replaceCriteria } from './settingsApi';

type Row = { key: string; name: string; nameEn?: string; weight: number; isActive: boolean; existing?: boolean };
type Values = { items: Row[] };

/** The evaluation criteria and their weights; the active weights must add up to exactly 100. */
export function CriteriaTab() {
  const { t } = useTranslation(['customersSettings', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const query = useQuery({ queryKey: [...customerSettingsKey, 'criteria', 'all'], queryFn: listCriteria });
  const save = useMutation({
    mutationFn: ({ items }: Values) =>
      replaceCriteria(
        items.map((c, i) => ({
          key: c.key.trim(),
          name: c.name.trim(),
          nameEn: c.nameEn?.trim() || null,
          weight: c.weight ?? 0,
          isActive: c.isActive ?? true,
          sortOrder: i + 1,
        })),
      ),
    meta: { form },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerSettingsKey }),
  });

  if (query.isLoading || !query.data) return <Spin />;
  const initial = query.data.items.map((c) => ({
    key: c.key,
    name: c.nameZh,
    nameEn: c.nameEn ?? undefined,
    weight: c.weight,
    isActive: c.isActive,
    existing: true,
  }));

  return (
    <ProForm<Values>
      form={form}
      initialValues={{ items: initial }}
      onFinish={async (values) => {
        try {
          await save.mutateAsync(values);
        } catch {
          return false;
        }
        message.success(t('common:feedback.saved'));
        return true;
      }}
      submitter={{ searchConfig: { submitText: t('common:actions.save') }, resetButtonProps: false }}
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('settings.criteriaHint')} />
      <ProFormList
        name="items"
        creatorButtonProps={{ creatorButtonText: t('settings.addCriterion') }}
        creatorRecord={{ weight: 0, isActive: true }}
        copyIconProps={false}
      >
        {(meta) => (
          <Space align="start" wrap>
            <ProFormText
              name="key"
              placeholder={t('settings.key')}
              width="sm"
              disabled={!!form.getFieldValue(['items', meta.name, 'existing'])}
              rules={[{ required: true }, { pattern: SETTING_KEY_PATTERN, message: t('settings.keyHint') }]}
            />
            <ProFormText
              name="name"
              placeholder={t('settings.nameZh')}
              width="sm"
              rules={[{ required: true, whitespace: true, max: 64 }]}
            />
            <ProFormText name="nameEn" placeholder={t('settings.nameEn')} width="sm" rules={[{ max: 64 }]} />
            <ProFormDigit
              name="weight"
              placeholder={t('settings.weight')}
              min={0}
              max={100}
              width="xs"
              fieldProps={{ precision: 0, addonAfter: '%' }}
            />
            <ProFormSwitch
              name="isActive"
              checkedChildren={t('common:status.active')}
              unCheckedChildren={t('common:status.inactive')}
            />
          </Space>
        )}
      </ProFormList>
      <ProFormDependency name={['items']}>
        {({ items }) => {
          const sum = weightSum(
            ((items ?? []) as Row[]).map((c) => ({ weight: Number(c?.weight ?? 0), isActive: c?.isActive ?? true })),
          );
          return (
            <Alert
              type={sum === 100 ? 'success' : 'error'}
              showIcon
              style={{ marginBottom: 16 }}
              message={<span data-testid="weight-sum">{t('settings.weightSum', { sum })}</span>}
            />
          );
        }}
      </ProFormDependency>
    </ProForm>
  );
}
