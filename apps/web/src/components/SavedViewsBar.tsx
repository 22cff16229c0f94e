import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { ModalForm, ProFormCheckbox, ProFormDependency, ProFormText } from '@ant-design/pro-components';
import { App, Button, Popconfirm, Select, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alreadyShown } from '../api/errors';
import type { SavedViewModule } from '../api/types';
import { cleanValues, ownViewNamed, type SavedView, viewOptions } from '../modules/saved-views/savedViews';
import { useDeleteView, useSavedViews, useSaveView } from '../modules/saved-views/savedViewsApi';

/** Namespaces holding the bar's `views.*` texts (the same keys, each module its own wording). */
export type SavedViewsNamespace = 'customers' | 'tickets';

/**
 * Pick, save and delete saved views of a list (the shared saved-views API): the user's own,
 * and those others share. A view keeps whatever `currentValues()` returns when it is saved.
 */
export function SavedViewsBar({
  module,
  ns,
  currentValues,
  onApply,
  minWidth = 200,
  testId,
}: {
  module: SavedViewModule;
  /** Namespace of the `views.*` labels. */
  ns: SavedViewsNamespace;
  currentValues: () => Record<string, unknown>;
  onApply: (view: SavedView | null) => void;
  minWidth?: number;
  testId?: string;
}) {
  const { t } = useTranslation(ns);
  const { message } = App.useApp();
  const views = useSavedViews(module);
  const save = useSaveView(module);
  const remove = useDeleteView(module);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const list = views.data ?? [];
  // A view deleted or no longer shared drops out of the picker.
  const selected = list.find((v) => v.id === selectedId);

  return (
    <Space size={4}>
      <Select<string>
        allowClear
        style={{ minWidth }}
        popupMatchSelectWidth={false}
        placeholder={t('views.placeholder')}
        loading={views.isLoading}
        value={selected?.id}
        options={viewOptions(list, {
          own: t('views.mine'),
          shared: t('views.sharedByOthers'),
          sharedBy: (v) => t('views.sharedBy', { name: v.name, owner: v.ownerName }),
          ownShared: (v) => t('views.ownShared', { name: v.name }),
        })}
        notFoundContent={t('views.empty')}
        onChange={(id) => {
          setSelectedId(id);
          onApply(list.find((v) => v.id === id) ?? null);
        }}
        data-testid={testId}
      />
      <ModalForm<{ name: string; isShared: boolean }>
        title={t('views.save')}
        width={400}
        modalProps={{ destroyOnHidden: true }}
        initialValues={selected?.isOwn ? { name: selected.name, isShared: selected.isShared } : { isShared: false }}
        trigger={
          <Tooltip title={t('views.save')}>
            <Button icon={<SaveOutlined />} aria-label={t('views.save')} />
          </Tooltip>
        }
        onFinish={async ({ name, isShared }) => {
          let view: SavedView;
          try {
            view = await save.mutateAsync({
              name: name.trim(),
              query: cleanValues(currentValues()),
              isShared: !!isShared,
            });
          } catch {
            return false;
          }
          setSelectedId(view.id);
          message.success(t('views.saved'));
          return true;
        }}
      >
        <ProFormText name="name" label={t('views.name')} rules={[{ required: true, whitespace: true, max: 40 }]} />
        <ProFormDependency name={['name']}>
          {({ name }) =>
            ownViewNamed(list, String(name ?? '')) ? (
              <Typography.Paragraph type="secondary">{t('views.replaces')}</Typography.Paragraph>
            ) : null
          }
        </ProFormDependency>
        <ProFormCheckbox name="isShared">{t('views.share')}</ProFormCheckbox>
      </ModalForm>
      <Popconfirm
        title={t('views.deleteConfirm', { name: selected?.name ?? '' })}
        disabled={!selected?.isOwn}
        onConfirm={() =>
          selected?.isOwn &&
          remove
            .mutateAsync(selected.id)
            .then(() => setSelectedId(undefined))
            .catch(alreadyShown)
        }
      >
        <Tooltip
          title={selected && !selected.isOwn ? t('views.notYours', { owner: selected.ownerName }) : t('views.delete')}
        >
          <Button icon={<DeleteOutlined />} aria-label={t('views.delete')} disabled={!selected?.isOwn} />
        </Tooltip>
      </Popconfirm>
    </Space>
  );
}
