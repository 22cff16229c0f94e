import {
  PageContainer,
  type ProColumns,
  ProForm,
  ProFormDigit,
  ProFormSwitch,
  ProFormTextArea,
  ProTable,
} from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { AutoComplete, Input, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyHint } from '../../components/EmptyHint';
import {
  activeColumn,
  CreateButton,
  editorActionsColumn,
  SettingModalForm,
  useSettingEditor,
} from '../../components/SettingEditor';
import { useAccess } from '../auth/useAccess';
import {
  createServicePhrase,
  deleteServicePhrase,
  listServicePhrases,
  servicePhrasesKey,
  updateServicePhrase,
} from './api';
import type { ServicePhrase } from './types';

type Values = { category: string; text: string; textEn?: string; sortOrder?: number; isActive?: boolean };

/** The standard phrase library (常用服务用语): everyone reads it, `phrases.manage` edits it. */
export function ServicePhrasesPage() {
  const { t } = useTranslation(['phrases', 'common']);
  const canManage = useAccess().can('phrases.manage');
  const [q, setQ] = useState('');
  const query = useQuery({
    queryKey: [...servicePhrasesKey, 'admin', { q, canManage }],
    queryFn: () => listServicePhrases({ q: q || undefined, ...(canManage ? { includeInactive: 'true' } : {}) }),
  });
  const categories = useMemo(
    () => [...new Set((query.data?.items ?? []).map((p) => p.category))].map((c) => ({ value: c, label: c })),
    [query.data],
  );
  const editor = useSettingEditor<ServicePhrase, Values>({
    invalidateKey: servicePhrasesKey,
    save: (values, existing) => {
      const body = { ...values, textEn: values.textEn?.trim() || null };
      return existing ? updateServicePhrase(existing.id, body) : createServicePhrase(body);
    },
    remove: deleteServicePhrase,
  });
  const { existing } = editor;

  const columns: ProColumns<ServicePhrase>[] = [
    { title: t('fields.category'), dataIndex: 'category', width: 110, render: (_, row) => <Tag>{row.category}</Tag> },
    { title: t('fields.text'), dataIndex: 'text' },
    { title: t('fields.textEn'), dataIndex: 'textEn', render: (_, row) => row.textEn ?? '-' },
    { title: t('fields.sortOrder'), dataIndex: 'sortOrder', width: 90 },
    activeColumn(t('common:fields.status'), { width: 90 }),
    editorActionsColumn(editor, {
      title: t('common:fields.actions'),
      width: 130,
      hideInTable: !canManage,
      id: (row) => row.id,
      confirmTitle: (row) => t('common:confirmDelete', { name: row.text }),
    }),
  ];

  return (
    <PageContainer content={t('servicePhrases.intro')}>
      <ProTable<ServicePhrase>
        rowKey="id"
        search={false}
        pagination={{ defaultPageSize: 50, showSizeChanger: true }}
        locale={{
          emptyText: q ? (
            <EmptyHint text={t('common:empty.filtered')} />
          ) : (
            <EmptyHint
              text={t('emptyHint.service')}
              action={
                canManage ? { label: t('common:actions.create'), onClick: () => editor.setEditing('new') } : undefined
              }
            />
          ),
        }}
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        columns={columns}
        options={{ reload: () => void query.refetch(), density: false, setting: false }}
        toolBarRender={() => [
          <Input.Search
            key="q"
            allowClear
            placeholder={t('servicePhrases.search')}
            onSearch={(value) => setQ(value.trim())}
            style={{ width: 260 }}
          />,
          canManage && <CreateButton key="new" onClick={() => editor.setEditing('new')} />,
        ]}
      />
      <SettingModalForm<ServicePhrase, Values>
        editor={editor}
        rowKey={(row) => row.id}
        title={existing ? t('servicePhrases.edit') : t('servicePhrases.create')}
        width={560}
        initialValues={
          existing
            ? { ...existing, textEn: existing.textEn ?? undefined }
            : { isActive: true, sortOrder: 100, category: categories[0]?.value }
        }
      >
        <ProForm.Item
          name="category"
          label={t('fields.category')}
          tooltip={t('servicePhrases.categoryHint')}
          rules={[{ required: true, whitespace: true, max: 32 }]}
        >
          <AutoComplete options={categories} filterOption />
        </ProForm.Item>
        <ProFormTextArea
          name="text"
          label={t('fields.text')}
          rules={[{ required: true, whitespace: true, max: 500 }]}
        />
        <ProFormTextArea name="textEn" label={t('fields.textEn')} rules={[{ max: 1000 }]} />
        <ProFormDigit
          name="sortOrder"
          label={t('fields.sortOrder')}
          min={0}
          max={100000}
          fieldProps={{ precision: 0 }}
        />
        <ProFormSwitch
          name="isActive"
          label={t('common:fields.status')}
          checkedChildren={t('common:status.active')}
          unCheckedChildren={t('common:status.inactive')}
        />
      </SettingModalForm>
    </PageContainer>
  );
}
