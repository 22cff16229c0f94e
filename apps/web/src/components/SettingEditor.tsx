import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, type ProColumns } from '@ant-design/pro-components';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActiveTag, EditDeleteActions } from './RowActions';

/** What a delete of reference data answers: gone, or kept but deactivated because it is in use. */
type DeleteOutcome = { result: 'deleted' | 'deactivated' };

/**
 * The state and mutations behind a "table + create/edit dialog" page: which row is being edited
 * (or a new one), the form (server field errors land on it), save and delete. Both refresh
 * everything under `invalidateKey` on success; delete says "deleted", or `deactivatedText`
 * when the server kept an entry in use.
 */
export function useSettingEditor<T, V>(options: {
  invalidateKey: QueryKey;
  save: (values: V, existing: T | null) => Promise<unknown>;
  remove: (id: string) => Promise<unknown>;
  /** Shown instead of "deleted" when the answer is `{ result: 'deactivated' }`. */
  deactivatedText?: string;
}) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<V>();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const existing = editing !== 'new' ? editing : null;
  const refresh = () => queryClient.invalidateQueries({ queryKey: options.invalidateKey });
  const save = useMutation({
    mutationFn: (values: V) => options.save(values, existing),
    meta: { form },
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: options.remove,
    onSuccess: async (result) => {
      const deactivated = (result as Partial<DeleteOutcome> | undefined)?.result === 'deactivated';
      message.success(deactivated && options.deactivatedText ? options.deactivatedText : t('feedback.deleted'));
      await refresh();
    },
  });
  return { form, editing, existing, setEditing, save, remove };
}

export type SettingEditor<T, V> = ReturnType<typeof useSettingEditor<T, V>>;

/** The toolbar's "create" button that opens the dialog on a new entry. */
export function CreateButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation('common');
  return (
    <Button type="primary" icon={<PlusOutlined />} onClick={onClick}>
      {t('actions.create')}
    </Button>
  );
}

/**
 * The create/edit dialog of a `useSettingEditor` page: open while a row (or a new one) is being
 * edited, fresh for each row, says "saved" and closes on success; stays open on a failed save.
 */
export function SettingModalForm<T, V extends Record<string, unknown>>({
  editor,
  rowKey,
  title,
  width,
  initialValues,
  children,
}: {
  editor: SettingEditor<T, V>;
  rowKey: (row: T) => string;
  /** Defaults to "edit" / "create". */
  title?: string;
  width: number;
  initialValues: Record<string, unknown>;
  children: ReactNode;
}) {
  const { t } = useTranslation('common');
  const { message } = App.useApp();
  const { existing } = editor;
  return (
    <ModalForm<V>
      key={existing ? rowKey(existing) : 'new'}
      title={title ?? (existing ? t('actions.edit') : t('actions.create'))}
      open={editor.editing !== null}
      onOpenChange={(open) => !open && editor.setEditing(null)}
      form={editor.form}
      width={width}
      modalProps={{ destroyOnHidden: true }}
      initialValues={initialValues}
      onFinish={async (values) => {
        try {
          await editor.save.mutateAsync(values);
        } catch {
          return false;
        }
        message.success(t('feedback.saved'));
        return true;
      }}
    >
      {children}
    </ModalForm>
  );
}

/** The status column of a list: an active / inactive tag. */
export function activeColumn<T extends { isActive: boolean }>(
  title: string,
  column: Omit<ProColumns<T>, 'title' | 'dataIndex' | 'render'> = {},
): ProColumns<T> {
  return { title, dataIndex: 'isActive', ...column, render: (_, row) => <ActiveTag active={row.isActive} /> };
}

/** The actions column of a `useSettingEditor` list: edit opens the dialog on the row, delete asks first. */
export function editorActionsColumn<T, V>(
  editor: SettingEditor<T, V>,
  options: {
    title: string;
    id: (row: T) => string;
    confirmTitle: (row: T) => string;
    /** Rows the user may not change get no actions. */
    canEdit?: (row: T) => boolean;
  } & Omit<ProColumns<T>, 'title' | 'valueType' | 'render'>,
): ProColumns<T> {
  const { title, id, confirmTitle, canEdit, ...column } = options;
  return {
    title,
    valueType: 'option',
    ...column,
    render: (_, row) =>
      !canEdit || canEdit(row) ? (
        <EditDeleteActions
          confirmTitle={confirmTitle(row)}
          onEdit={() => editor.setEditing(row)}
          onDelete={() => editor.remove.mutateAsync(id(row))}
        />
      ) : null,
  };
}
