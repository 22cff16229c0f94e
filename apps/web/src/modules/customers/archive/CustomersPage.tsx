import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { type ActionType, PageContainer, type ProFormInstance, ProTable } from '@ant-design/pro-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { downloadFile } from '../../../api/download';
import type { SortOrderMap } from '../../../api/listQuery';
import type { CustomerListItem } from '../../../api/types';
import { EmptyHint } from '../../../components/EmptyHint';
import { SavedViewsBar } from '../../../components/SavedViewsBar';
import { useCappedTotal } from '../../../components/useCappedTotal';
import { useAccess } from '../../auth/useAccess';
import { useCategories, useCustomFields } from '../settings/settingsApi';
import { customerExportUrl, customersQueryKey, listCustomers } from './api';
import { CustomerFormModal } from './CustomerFormModal';
import { customerColumns } from './customerColumns';
import { type CustomerFilters, toCustomerQuery } from './customerQuery';

/** Form values the table last searched with (for saved views), without ProTable's own keys. */
function searchValues(params: Record<string, unknown>): Record<string, unknown> {
  const { current: _c, pageSize: _p, _timestamp: _t, keyword: _k, ...rest } = params;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

export function CustomersPage() {
  const { t } = useTranslation(['customers', 'common', 'customersImportExport']);
  const access = useAccess();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const actionRef = useRef<ActionType>(null);
  const cappedTotal = useCappedTotal('customers');
  const formRef = useRef<ProFormInstance>(undefined);
  const categories = useCategories();
  const customFields = useCustomFields();
  const [filters, setFilters] = useState<CustomerFilters>({});
  const [lastValues, setLastValues] = useState<Record<string, unknown>>({});
  const [creating, setCreating] = useState(false);
  const exportFile = useMutation({
    mutationFn: (format: 'csv' | 'xlsx') => downloadFile(customerExportUrl(format, filters), `customers.${format}`),
  });

  const columns = customerColumns({
    t,
    categories: categories.items,
    customFields: customFields.items,
    canPickUsers: access.can('users.read'),
  });

  const exportButton = (format: 'csv' | 'xlsx') => (
    <Button
      key={format}
      icon={<DownloadOutlined />}
      loading={exportFile.isPending && exportFile.variables === format}
      onClick={() => exportFile.mutate(format)}
    >
      {t(`customersImportExport:export.${format}`)}
    </Button>
  );

  return (
    <PageContainer>
      <ProTable<CustomerListItem>
        rowKey="id"
        actionRef={actionRef}
        formRef={formRef}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          showTotal: cappedTotal.showTotal,
        }}
        search={{ labelWidth: 'auto', defaultCollapsed: true }}
        locale={{
          emptyText:
            Object.keys(lastValues).length > 0 ? (
              <EmptyHint text={t('common:empty.filtered')} />
            ) : (
              <EmptyHint
                text={t('emptyHint.list')}
                action={
                  access.can('customers.write')
                    ? { label: t('actions.create'), icon: <PlusOutlined />, onClick: () => setCreating(true) }
                    : undefined
                }
              />
            ),
        }}
        columnsState={{ persistenceKey: 'kefu.customers.columns', persistenceType: 'localStorage' }}
        request={async (params, sort) => {
          const { page, pageSize, sort: sortParam, ...rest } = toCustomerQuery(params, sort as SortOrderMap);
          setFilters(rest);
          setLastValues(searchValues(params));
          const query = { page, pageSize, sort: sortParam, ...rest };
          const result = await queryClient.fetchQuery({
            queryKey: [...customersQueryKey, 'list', query],
            queryFn: () => listCustomers(query),
            staleTime: 0,
          });
          cappedTotal.record(result);
          return { data: result.items, total: result.total, success: true };
        }}
        headerTitle={
          <SavedViewsBar
            module="customers"
            ns="customers"
            testId="saved-views"
            currentValues={() => lastValues}
            onApply={(view) => {
              formRef.current?.resetFields();
              if (view) formRef.current?.setFieldsValue(view.query);
              formRef.current?.submit();
            }}
          />
        }
        toolBarRender={() => [
          access.can('customers.write') && (
            <Button
              key="create"
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="customer-create"
            >
              {t('actions.create')}
            </Button>
          ),
          access.can('customers.import') && (
            <Button key="import" icon={<UploadOutlined />} onClick={() => navigate('/customer-imports')}>
              {t('actions.import')}
            </Button>
          ),
          access.can('customers.export') && exportButton('csv'),
          access.can('customers.export') && exportButton('xlsx'),
        ]}
      />
      <CustomerFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(customer) => {
          actionRef.current?.reload();
          navigate(`/customers/${customer.id}`);
        }}
      />
    </PageContainer>
  );
}
