import {
  ProForm,
  ProFormDatePicker,
  ProFormDependency,
  ProFormDigit,
  ProFormRadio,
  ProFormSelect,
  ProFormSwitch,
  ProFormText,
  ProFormTextArea,
} from '@ant-design/pro-components';
import { Col } from 'antd';
import { useTranslation } from 'react-i18next';
import { UserSelect } from '../../users/UserSelect';
import { useCategories, useCustomFields } from '../settings/settingsApi';
import { CustomFieldInputs } from './CustomFieldInputs';
import { GRADES } from './customFieldFormat';

type Option = { value: string; label: string };

/** Phone numbers as the server accepts them: mobile, landline with area code, or international. */
export const PHONE_PATTERN =
  /^(?:(?:\+?86[\s-]?)?1[3-9]\d{9}|0\d{2,3}[\s-]?\d{7,8}(?:[\s-]?\d{1,6})?|\+\d[\d\s-]{6,18})$/;

/**
 * The profile fields of a customer, shared by the create modal and the edit drawer (a grid form).
 * `ownerOption` labels the current owner before any search.
 */
export function CustomerFields({
  ownerOption,
  showKind = true,
  withBackup = false,
}: {
  ownerOption?: Option | null;
  showKind?: boolean;
  /** Creation also names a backup staff contact (a key customer needs two). */
  withBackup?: boolean;
}) {
  const { t } = useTranslation(['customers', 'common']);
  const categories = useCategories();
  const customFields = useCustomFields();
  const phoneRule = { pattern: PHONE_PATTERN, message: t('validation.phone') };

  return (
    <>
      {showKind && (
        <ProFormRadio.Group
          name="kind"
          label={t('fields.kind')}
          colProps={{ span: 24 }}
          radioType="button"
          options={[
            { value: 'company', label: t('kind.company') },
            { value: 'person', label: t('kind.person') },
          ]}
        />
      )}
      <ProFormText
        name="name"
        label={t('fields.name')}
        colProps={{ span: 12 }}
        rules={[{ required: true, whitespace: true, max: 200 }]}
      />
      <ProFormSelect
        name="categoryKey"
        label={t('fields.category')}
        colProps={{ span: 6 }}
        options={categories.items.map((c) => ({ value: c.key, label: c.name }))}
        showSearch
      />
      <ProFormSelect
        name="grade"
        label={t('fields.grade')}
        colProps={{ span: 6 }}
        options={GRADES.map((g) => ({ value: g, label: g }))}
      />
      <ProFormText name="phone" label={t('fields.phone')} colProps={{ span: 8 }} rules={[phoneRule]} />
      <ProFormText name="email" label={t('fields.email')} colProps={{ span: 8 }} rules={[{ type: 'email' }]} />
      <ProFormText name="wechat" label={t('fields.wechat')} colProps={{ span: 8 }} rules={[{ max: 64 }]} />
      <ProFormText name="region" label={t('fields.region')} colProps={{ span: 8 }} rules={[{ max: 64 }]} />
      <ProFormText name="address" label={t('fields.address')} colProps={{ span: 10 }} rules={[{ max: 300 }]} />
      <ProFormText
        name="postalCode"
        label={t('fields.postalCode')}
        colProps={{ span: 6 }}
        rules={[{ pattern: /^\d{6}$/, message: t('validation.postalCode') }]}
      />
      <ProFormDependency name={['kind']}>
        {({ kind }) =>
          kind === 'company' ? (
            <>
              <ProFormText
                name="legalRepresentative"
                label={t('fields.legalRepresentative')}
                colProps={{ span: 8 }}
                rules={[{ max: 64 }]}
              />
              <ProFormText name="fax" label={t('fields.fax')} colProps={{ span: 8 }} rules={[phoneRule]} />
              <ProFormDigit
                name="registeredCapital"
                label={t('fields.registeredCapital')}
                colProps={{ span: 8 }}
                min={0}
                fieldProps={{ style: { width: '100%' }, addonAfter: t('units.yuan') }}
              />
              <ProFormTextArea
                name="businessScope"
                label={t('fields.businessScope')}
                colProps={{ span: 24 }}
                rules={[{ max: 2000 }]}
              />
            </>
          ) : (
            <ProFormDatePicker
              name="birthday"
              label={t('fields.birthday')}
              colProps={{ span: 8 }}
              fieldProps={{ style: { width: '100%' } }}
            />
          )
        }
      </ProFormDependency>
      <Col span={withBackup ? 8 : 12}>
        <ProForm.Item name="ownerId" label={t('fields.owner')} tooltip={t('hints.owner')}>
          <UserSelect initialOption={ownerOption} />
        </ProForm.Item>
      </Col>
      {withBackup && (
        <Col span={8}>
          <ProForm.Item name="backupId" label={t('fields.backup')} tooltip={t('hints.backup')}>
            <UserSelect />
          </ProForm.Item>
        </Col>
      )}
      <ProFormSwitch
        name="isKey"
        label={t('fields.isKey')}
        colProps={{ span: withBackup ? 8 : 12 }}
        tooltip={t('hints.keyCustomer')}
      />
      <CustomFieldInputs fields={customFields.items} span={8} />
      <ProFormTextArea name="notes" label={t('fields.notes')} colProps={{ span: 24 }} rules={[{ max: 5000 }]} />
    </>
  );
}
