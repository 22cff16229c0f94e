import { InfoCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Flex, Select, Space, Switch, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../../api/client';
import { notificationsKey } from '../api';

const customerPreferenceKey = (customerId: string) => [...notificationsKey, 'customer', customerId] as const;

const getCustomerPreference = (customerId: string) =>
  unwrap(api.GET('/api/v1/notification-customer-preferences/{customerId}', { params: { path: { customerId } } }));

type Body = { preferredChannel: 'sms' | 'email' | null; optedOut: boolean };

const putCustomerPreference = (customerId: string, body: Body) =>
  unwrap(api.PUT('/api/v1/notification-customer-preferences/{customerId}', { params: { path: { customerId } }, body }));

/**
 * A customer's messages from Kefu (handover notices, replies by e-mail or SMS, later callbacks and
 * surveys): the channel they prefer when both would do, and whether they opted out of all of them.
 */
export function CustomerNotificationCard({ customerId, canWrite }: { customerId: string; canWrite: boolean }) {
  const { t } = useTranslation(['notifications', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = customerPreferenceKey(customerId);
  const query = useQuery({ queryKey: key, queryFn: () => getCustomerPreference(customerId) });
  const save = useMutation({
    mutationFn: (body: Body) => putCustomerPreference(customerId, body),
    onSuccess: async () => {
      message.success(t('common:feedback.saved'));
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const current: Body = {
    preferredChannel: (query.data?.preferredChannel ?? null) as Body['preferredChannel'],
    optedOut: query.data?.optedOut ?? false,
  };
  const change = (patch: Partial<Body>) => save.mutate({ ...current, ...patch });

  return (
    <Card
      size="small"
      loading={query.isLoading}
      title={
        <Space size={4}>
          {t('customer.title')}
          <Tooltip title={t('customer.hint')}>
            <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
          </Tooltip>
        </Space>
      }
      data-testid="customer-notification-preferences"
    >
      {/* Flex rows (not Space, whose items keep their content's width): they wrap within 390 px. */}
      <Flex vertical gap="small">
        <Flex wrap align="center" gap="small">
          <Typography.Text>{t('customer.preferred')}</Typography.Text>
          <Select
            style={{ minWidth: 160 }}
            disabled={!canWrite || save.isPending}
            value={current.preferredChannel ?? 'auto'}
            onChange={(value) => change({ preferredChannel: value === 'auto' ? null : (value as 'sms' | 'email') })}
            options={[
              { value: 'auto', label: t('customer.auto') },
              { value: 'sms', label: t('channel.sms') },
              { value: 'email', label: t('channel.email') },
            ]}
            data-testid="customer-preferred-channel"
          />
        </Flex>
        <Flex align="center" gap="small">
          <Switch
            checked={current.optedOut}
            disabled={!canWrite || save.isPending}
            onChange={(optedOut) => change({ optedOut })}
            data-testid="customer-opted-out"
          />
          <Typography.Text style={{ minWidth: 0 }}>{t('customer.optedOut')}</Typography.Text>
        </Flex>
        {current.optedOut && <Typography.Text type="warning">{t('customer.optedOutNote')}</Typography.Text>}
      </Flex>
    </Card>
  );
}
