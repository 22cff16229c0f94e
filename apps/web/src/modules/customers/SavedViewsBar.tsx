import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { ModalForm, ProFormText } from '@ant-design/pro-components';
import { App, Button, Select, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/useCurrentUser';
import { loadViews, removeView, type SavedView, saveViews, upsertView } from './savedViews';

/** Pick, save and delete saved views of the customer list (stored per user, see savedViews.ts). */
export function SavedViewsBar({
  currentValues,
  onApply,
}: {
  currentValues: () => Record<string, unknown>;
  onApply: (view: SavedView | null) => void;
}) {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  const userId = useCurrentUser().data?.id ?? 'anonymous';
  const [views, setViews] = useState<SavedView[]>(() => loadViews(userId));
  const [selected, setSelected] = useState<string | undefined>();

  const persist = (next: SavedView[]) => {
    setViews(next);
    saveViews(userId, next);
  };

  return (
    <Space size={4}>
      <Select<string>
        allowClear
        style={{ minWidth: 180 }}
        placeholder={t('views.placeholder')}
        value={selected}
        options={views.map((v) => ({ value: v.id, label: v.name }))}
        notFoundContent={t('views.empty')}
        onChange={(id) => {
          setSelected(id);
          onApply(views.find((v) => v.id === id) ?? null);
        }}
        data-testid="saved-views"
      />
      <ModalForm<{ name: string }>
        title={t('views.save')}
        width={400}
        modalProps={{ destroyOnHidden: true }}
        initialValues={{ name: views.find((v) => v.id === selected)?.name }}
        trigger={
          <Tooltip title={t('views.save')}>
            <Button icon={<SaveOutlined />} aria-label={t('views.save')} />
          </Tooltip>
        }
        onFinish={async ({ name }) => {
          const next = upsertView(views, { name, values: currentValues() });
          persist(next);
          setSelected(next.find((v) => v.name === name.trim())?.id);
          message.success(t('views.saved'));
          return true;
        }}
      >
        <ProFormText name="name" label={t('views.name')} rules={[{ required: true, whitespace: true, max: 40 }]} />
      </ModalForm>
      <Tooltip title={t('views.delete')}>
        <Button
          icon={<DeleteOutlined />}
          aria-label={t('views.delete')}
          disabled={!selected}
          onClick={() => {
            if (!selected) return;
            persist(removeView(views, selected));
            setSelected(undefined);
          }}
        />
      </Tooltip>
    </Space>
  );
}
