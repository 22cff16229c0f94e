import { ProDescriptions } from '@ant-design/pro-components';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../api/types';
import { formatDateTime } from '../../../components/format';
import { GradeTag, KeyMark } from '../grading/GradeTag';
import { useCustomFields } from '../settings/settingsApi';
import { formatCustomValue } from './customFieldFormat';

const text = (value: string | number | null | undefined) =>
  value === null || value === undefined || value === '' ? '-' : value;

/** The customer's profile, read-only (editing happens in CustomerEditDrawer). */
export function CustomerProfile({ customer }: { customer: Customer }) {
  const { t } = useTranslation(['customers', 'common']);
  const customFields = useCustomFields();
  const isCompany = customer.kind === 'company';
  const Item = ProDescriptions.Item;

  return (
    <ProDescriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" data-testid="customer-profile">
      <Item label={t('fields.code')}>
        <Typography.Text copyable>{customer.code}</Typography.Text>
      </Item>
      <Item label={t('fields.kind')}>{t(`kind.${customer.kind}`)}</Item>
      <Item label={t('fields.category')}>{text(customer.categoryName)}</Item>
      <Item label={t('fields.grade')}>
        <GradeTag grade={customer.grade} /> <KeyMark isKey={customer.isKey} grade={customer.grade} />
      </Item>
      <Item label={t('fields.owner')}>{text(customer.ownerName)}</Item>
      <Item label={t('fields.region')}>{text(customer.region)}</Item>
      <Item label={t('fields.phone')}>{text(customer.phone)}</Item>
      <Item label={t('fields.email')}>{text(customer.email)}</Item>
      <Item label={t('fields.wechat')}>{text(customer.wechat)}</Item>
      <Item label={t('fields.address')}>{text(customer.address)}</Item>
      <Item label={t('fields.postalCode')}>{text(customer.postalCode)}</Item>
      {isCompany && <Item label={t('fields.legalRepresentative')}>{text(customer.legalRepresentative)}</Item>}
      {isCompany && <Item label={t('fields.fax')}>{text(customer.fax)}</Item>}
      {isCompany && (
        <Item label={t('fields.registeredCapital')}>
          {customer.registeredCapital === null
            ? '-'
            : `${customer.registeredCapital.toLocaleString()} ${t('units.yuan')}`}
        </Item>
      )}
      {!isCompany && <Item label={t('fields.birthday')}>{text(customer.birthday)}</Item>}
      {customFields.items.map((field) => (
        <Item key={field.key} label={field.label}>
          {formatCustomValue(field, customer.customFields[field.key])}
        </Item>
      ))}
      <Item label={t('common:fields.updatedAt')}>{formatDateTime(customer.updatedAt)}</Item>
      {isCompany && (
        <Item label={t('fields.businessScope')} span={3}>
          {text(customer.businessScope)}
        </Item>
      )}
      <Item label={t('fields.notes')} span={3}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {text(customer.notes)}
        </Typography.Paragraph>
      </Item>
    </ProDescriptions>
  );
}
