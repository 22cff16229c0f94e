import type { ProColumns } from '@ant-design/pro-components';
import { Space } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { CustomerCategory, CustomerListItem, CustomFieldDefinition } from '../../../api/types';
import { UserSelect } from '../../users/UserSelect';
import { GradeTag, KeyMark } from '../grading/GradeTag';
import { cfName } from './customerQuery';
import { formatCustomValue, GRADES } from './customFieldFormat';

type Options = {
  t: TFunction<['customers', 'common']>;
  categories: CustomerCategory[];
  customFields: CustomFieldDefinition[];
  canPickUsers: boolean;
};

/** A filter input and a column per custom field, typed by its definition. */
function customFieldColumn(field: CustomFieldDefinition, t: Options['t']): ProColumns<CustomerListItem> {
  const options = field.options.map((o) => ({ value: o.value, label: o.label }));
  const valueType = { text: 'text', number: 'digit', date: 'date', select: 'select', multi_select: 'select' } as const;
  return {
    title: field.label,
    dataIndex: cfName(field.key),
    valueType: valueType[field.type],
    fieldProps: options.length > 0 ? { options, showSearch: true } : undefined,
    tooltip: field.type === 'multi_select' ? t('customers:filters.multiSelectHint') : undefined,
    render: (_, row) => formatCustomValue(field, row.customFields[field.key]),
  };
}

export function customerColumns({
  t,
  categories,
  customFields,
  canPickUsers,
}: Options): ProColumns<CustomerListItem>[] {
  return [
    {
      title: t('customers:search.keyword'),
      dataIndex: 'q',
      hideInTable: true,
      fieldProps: { placeholder: t('customers:search.keywordHint'), 'data-testid': 'customer-search' },
    },
    {
      title: t('customers:fields.code'),
      dataIndex: 'code',
      sorter: true,
      hideInSearch: true,
      copyable: true,
      width: 110,
    },
    {
      title: t('customers:fields.name'),
      dataIndex: 'name',
      sorter: true,
      hideInSearch: true,
      render: (_, row) => (
        <Space size={4}>
          <Link to={`/customers/${row.id}`}>{row.name}</Link>
          <KeyMark isKey={row.isKey} grade={row.grade} />
        </Space>
      ),
    },
    {
      title: t('customers:fields.kind'),
      dataIndex: 'kind',
      valueType: 'select',
      valueEnum: { company: { text: t('customers:kind.company') }, person: { text: t('customers:kind.person') } },
    },
    {
      title: t('customers:fields.grade'),
      dataIndex: 'grade',
      sorter: true,
      valueType: 'select',
      fieldProps: { mode: 'multiple', options: GRADES.map((g) => ({ value: g, label: g })) },
      render: (_, row) => <GradeTag grade={row.grade} />,
    },
    {
      title: t('customers:fields.category'),
      dataIndex: 'categoryKey',
      valueType: 'select',
      fieldProps: { options: categories.map((c) => ({ value: c.key, label: c.name })), showSearch: true },
      render: (_, row) => row.categoryName ?? '-',
    },
    {
      title: t('customers:fields.owner'),
      dataIndex: 'ownerId',
      hideInSearch: !canPickUsers,
      renderFormItem: () => <UserSelect placeholder={t('customers:filters.owner')} />,
      render: (_, row) => row.ownerName ?? '-',
    },
    { title: t('customers:fields.region'), dataIndex: 'region', sorter: true },
    {
      title: t('customers:fields.isKey'),
      dataIndex: 'isKey',
      hideInTable: true,
      valueType: 'select',
      valueEnum: { true: { text: t('customers:keyCustomer.only') }, false: { text: t('customers:keyCustomer.not') } },
    },
    { title: t('customers:fields.phone'), dataIndex: 'phone', hideInSearch: true },
    { title: t('customers:fields.email'), dataIndex: 'email', hideInSearch: true, ellipsis: true },
    ...customFields.map((field) => customFieldColumn(field, t)),
    {
      title: t('common:fields.updatedAt'),
      dataIndex: 'updatedAt',
      valueType: 'dateTime',
      sorter: true,
      hideInSearch: true,
    },
    { title: t('customers:filters.updated'), dataIndex: 'updated', valueType: 'dateRange', hideInTable: true },
    {
      title: t('common:fields.createdAt'),
      dataIndex: 'createdAt',
      valueType: 'dateTime',
      sorter: true,
      hideInSearch: true,
      hideInTable: true,
    },
  ];
}
