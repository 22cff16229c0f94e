import { useMutation } from '@tanstack/react-query';
import { Alert, Button, List, Modal, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { requestCustomerAccess } from '../archive/api';
import type { DuplicateConflict } from './duplicateConflict';

export { type DuplicateConflict, duplicatesOf, isDuplicateCode } from './duplicateConflict';

/**
 * "This may already exist": the candidates the user may see (open in a new tab); for those owned by
 * another team only whom to ask, with a "request access" button (notifies the owner's team);
 * go back, or save anyway.
 */
export function DuplicatesModal({
  conflict,
  contact,
  saving,
  onBack,
  onSaveAnyway,
}: {
  conflict: DuplicateConflict | null;
  /** The phone and e-mail entered: what the access request is matched by. */
  contact: { phone?: string | null; email?: string | null };
  saving: boolean;
  onBack: () => void;
  onSaveAnyway: () => void;
}) {
  const { t } = useTranslation('customersDuplicates');
  const request = useMutation({
    mutationFn: () => requestCustomerAccess({ phone: contact.phone || null, email: contact.email || null }),
  });
  const elsewhere = conflict?.elsewhere ?? [];
  const contacts = [...new Set(elsewhere.flatMap((e) => e.contacts))];
  const reasons = [...new Set(elsewhere.flatMap((e) => e.reasons))];
  const fields = reasons.map((r) => t(`duplicates.fields.${r}`, { defaultValue: r })).join(t('duplicates.fieldsJoin'));
  const close = () => {
    request.reset();
    onBack();
  };
  return (
    <Modal
      title={t('duplicates.title')}
      open={conflict !== null}
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="back" onClick={close}>
          {t('duplicates.back')}
        </Button>,
        <Button key="save" type="primary" danger loading={saving} onClick={onSaveAnyway} data-testid="save-anyway">
          {t('duplicates.saveAnyway')}
        </Button>,
      ]}
    >
      {(conflict?.duplicates.length ?? 0) > 0 && (
        <>
          <Alert type="warning" showIcon message={t('duplicates.explain')} style={{ marginBottom: 12 }} />
          <List
            size="small"
            dataSource={conflict?.duplicates ?? []}
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
        </>
      )}
      {elsewhere.length > 0 && (
        <Alert
          type={request.isSuccess ? 'success' : 'info'}
          showIcon
          data-testid="duplicate-elsewhere"
          style={{ marginTop: 12 }}
          message={t('duplicates.elsewhereTitle')}
          description={
            request.isSuccess
              ? t('duplicates.requestSent', { contacts: request.data.contacts.join('、') || '—' })
              : contacts.length > 0
                ? t('duplicates.elsewhere', { fields, contacts: contacts.join('、') })
                : t('duplicates.elsewhereNoContact', { fields })
          }
          action={
            request.isSuccess ? null : (
              <Button
                size="small"
                loading={request.isPending}
                onClick={() => request.mutate()}
                data-testid="request-access"
              >
                {t('duplicates.requestAccess')}
              </Button>
            )
          }
        />
      )}
    </Modal>
  );
}
