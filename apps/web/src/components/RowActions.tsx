import { Button, Popconfirm, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The "edit · delete (confirm)" pair of a table row; a rejected delete stays on screen (already shown). */
export function EditDeleteActions(props: {
  confirmTitle: string;
  onEdit: () => void;
  onDelete: () => Promise<unknown>;
}) {
  const { t } = useTranslation('common');
  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={props.onEdit}>
        {t('actions.edit')}
      </Button>
      <Popconfirm title={props.confirmTitle} onConfirm={() => props.onDelete().catch(() => undefined)}>
        <Button type="link" size="small" danger>
          {t('actions.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}

/** Active / inactive as a tag. */
export function ActiveTag({ active }: { active: boolean }) {
  const { t } = useTranslation('common');
  return active ? <Tag color="success">{t('status.active')}</Tag> : <Tag>{t('status.inactive')}</Tag>;
}
