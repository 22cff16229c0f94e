import { Alert, Button, List, Modal, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

export type PossibleDuplicate = { id: string; code: string; name: string; reasons: string[] };

/** Reads the candidates of a 409 `customers.possible_duplicate` answer (`params.duplicates`). */
export function duplicatesOf(params: Record<string, unknown>): PossibleDuplicate[] {
  const list = params.duplicates;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (d): d is PossibleDuplicate =>
      typeof d === 'object' && d !== null && typeof d.id === 'string' && typeof d.name === 'string',
  );
}

/** "This may already exist": the candidates (open in a new tab), go back, or save anyway. */
export function DuplicatesModal({
  duplicates,
  saving,
  onBack,
  onSaveAnyway,
}: {
  duplicates: PossibleDuplicate[] | null;
  saving: boolean;
  onBack: () => void;
  onSaveAnyway: () => void;
}) {
  const { t } = useTranslation('customers');
  return (
    <Modal
      title={t('duplicates.title')}
      open={duplicates !== null}
      onCancel={onBack}
      destroyOnHidden
      footer={[
        <Button key="back" onClick={onBack}>
          {t('duplicates.back')}
        </Button>,
        <Button key="save" type="primary" danger loading={saving} onClick={onSaveAnyway} data-testid="save-anyway">
          {t('duplicates.saveAnyway')}
        </Button>,
      ]}
    >
      <Alert type="warning" showIcon message={t('duplicates.explain')} style={{ marginBottom: 12 }} />
      <List
        size="small"
        dataSource={duplicates ?? []}
        renderItem={(d) => (
          <List.Item>
            <Space wrap>
              <Link to={`/customers/${d.id}`} target="_blank">
                {d.code} {d.name}
              </Link>
              {(d.reasons ?? []).map((r) => (
                <Tag key={r} color="orange">
                  {t(`duplicates.reasons.${r}`, { defaultValue: r })}
                </Tag>
              ))}
            </Space>
          </List.Item>
        )}
      />
    </Modal>
  );
}
