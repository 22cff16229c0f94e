import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '../../api/types';

/** The secret is shown exactly once; the server keeps only a hash. */
export function TokenCreatedModal({ token, onClose }: { token: CreatedApiToken | null; onClose: () => void }) {
  const { t } = useTranslation('auth');
  return (
    <Modal
      open={token !== null}
      title={t('tokens.createdTitle')}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('tokens.copiedDone')}
        </Button>
      }
    >
      <Alert type="warning" showIcon message={t('tokens.showOnceWarning')} style={{ marginBottom: 16 }} />
      {token ? (
        <Typography.Paragraph
          code
          copyable={{ text: token.token, tooltips: [t('tokens.copy'), t('tokens.copied')] }}
          data-testid="new-token"
          style={{ wordBreak: 'break-all' }}
        >
          {token.token}
        </Typography.Paragraph>
      ) : null}
    </Modal>
  );
}
