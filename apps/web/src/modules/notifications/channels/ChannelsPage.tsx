import { PageContainer } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Alert, Empty } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { channelsKey, listChannels } from '../api';
import { ChannelCard } from './ChannelCard';
import { EmailSettingsTab } from './EmailSettingsTab';
import { SmsSettingsTab } from './SmsSettingsTab';

type Tab = 'channels' | 'email' | 'sms';
const TABS: readonly Tab[] = ['channels', 'email', 'sms'];

/** Channels that are delivered (in-app messages are stored, never sent: nothing to set). */
export const deliveredChannels = <T extends { channel: string }>(items: readonly T[]) =>
  items.filter((item) => item.channel !== 'in_app');

/**
 * The administrator's delivery channels: on/off, rate, quiet hours and attempts per channel; the
 * e-mail server (SMTP out, IMAP in) and the SMS provider in their own tabs.
 */
export function ChannelsPage() {
  const { t } = useTranslation('notifications');
  const [tab, setTab] = useState<Tab>('channels');
  const query = useQuery({ queryKey: channelsKey, queryFn: listChannels, enabled: tab === 'channels' });
  const items = deliveredChannels(query.data?.items ?? []);

  return (
    <PageContainer
      content={t('channels.intro')}
      tabList={TABS.map((key) => ({ key, tab: t(`channels.tabs.${key}`) }))}
      tabActiveKey={tab}
      onTabChange={(key) => setTab(TABS.find((k) => k === key) ?? 'channels')}
    >
      {tab === 'email' && <EmailSettingsTab />}
      {tab === 'sms' && <SmsSettingsTab />}
      {tab === 'channels' && (
        <>
          <Alert type="info" showIcon message={t('channels.timezoneNote')} style={{ marginBottom: 16 }} />
          {!query.isLoading && items.length === 0 ? (
            <Empty description={t('channels.empty')} />
          ) : (
            <div
              style={{
                display: 'grid',
                gap: 16,
                gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 340px), 1fr))',
              }}
            >
              {items.map((settings) => (
                <ChannelCard key={settings.channel} settings={settings} />
              ))}
            </div>
          )}
        </>
      )}
    </PageContainer>
  );
}
