import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  sent: 'success',
  queued: 'processing',
  failed: 'warning',
  dead: 'error',
  suppressed: 'default',
};

/** A delivery's state: sent, queued, failed (retrying), dead (gave up), suppressed. */
export function DeliveryStatusTag({ status }: { status: string }) {
  const { t } = useTranslation('robots');
  const known = status in COLORS;
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid="delivery-status" data-status={status}>
      {known ? t(`status.${status as 'sent'}`) : status}
    </Tag>
  );
}
