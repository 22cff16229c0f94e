import { Alert, Button, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A value to copy: monospace, wrapped, with a copy button. */
export function CopyValue({ value, testId }: { value: string; testId?: string }) {
  const { t } = useTranslation('webhooks');
  return (
    <Typography.Paragraph
      code
      copyable={{ text: value, tooltips: [t('secret.copy'), t('secret.copied')] }}
      data-testid={testId}
      style={{ wordBreak: 'break-all' }}
    >
      {value}
    </Typography.Paragraph>
  );
}

/** A signing secret shown exactly once (the server never answers it again), with what else to copy. */
export function SecretOnceModal({
  title,
  secret,
  onClose,
  children,
}: {
  title: string;
  secret: string | null;
  onClose: () => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation('webhooks');
  return (
    <Modal
      open={secret !== null}
      title={title}
      onCancel={onClose}
      maskClosable={false}
      width={640}
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-done">
          {t('secret.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon message={t('secret.showOnce')} style={{ marginBottom: 16 }} />
      <Typography.Text strong>{t('secret.label')}</Typography.Text>
      {secret !== null && <CopyValue value={secret} testId="secret-value" />}
      {children}
    </Modal>
  );
}
