import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { ModalForm, ProFormCheckbox, ProFormDependency, ProFormText } from '@ant-design/pro-components';
import { App, Button, Popconfirm, Select, Space, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { alreadyShown } from '../../api/errors';
import { cleanValues, ownViewNamed, type SavedView, viewOptions } from '../customers/savedViews';
import { useDeleteView, useSavedViews, useSaveView } from '../customers/savedViewsApi';

const MODULE = 'tickets';

/**
 * Saved views of the ticket queue (the same saved-views API and helpers as the customer list,
 * module `tickets`): a view keeps the search-form values and the queue tab.
 */
export function TicketViewsBar({
  currentValues,
  onApply,
}: {
  currentValues: () => Record<string, unknown>;
  onApply: (view: SavedView | null) => void;
}) {
  const { t } = useTranslation('tickets');
  const { message } = App.useApp();
  const views = useSavedViews(MODULE);
  const save = useSaveView(MODULE);
  const remove = useDeleteView(MODULE);
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const list = views.data ?? [];
  const selected = list.find((v) => v.id === selectedId);

  return (
    <Space size={4}>
      <Select<string>
        allowClear
        style={{ minWidth: 180 }}
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
        data-testid="ticket-views"
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
          try {
            const view = await save.mutateAsync({
              name: name.trim(),
              query: cleanValues(currentValues()),
              isShared: !!isShared,
            });
            setSelectedId(view.id);
          } catch {
            return false;
          }
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
