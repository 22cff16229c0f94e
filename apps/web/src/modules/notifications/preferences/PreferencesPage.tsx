import { InfoCircleOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Empty, List, Space, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getPreferences, preferencesKey, putPreferences } from '../api';
import { useLabels } from '../labels';
import type { Channel, TopicPreference } from '../types';

/** In-app is always on: the notification centre keeps every message. */
const ALWAYS: Channel = 'in_app';

/** Channels of a topic as the form shows them: in-app first and always ticked. */
export function withInApp(pref: Pick<TopicPreference, 'channels'>): Channel[] {
  return [ALWAYS, ...pref.channels.filter((c) => c !== ALWAYS)];
}

/** My preferences: per topic, which channels besides in-app also bring it to me. */
export function PreferencesPage() {
  const { t } = useTranslation(['notifications', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const label = useLabels();
  const query = useQuery({ queryKey: preferencesKey, queryFn: getPreferences });
  const [draft, setDraft] = useState<Record<string, Channel[]>>({});
  useEffect(() => {
    if (query.data) setDraft(Object.fromEntries(query.data.topics.map((p) => [p.topic, withInApp(p)])));
  }, [query.data]);
  const save = useMutation({
    mutationFn: () =>
      putPreferences({
        topics: (query.data?.topics ?? []).map((p) => ({ topic: p.topic, channels: draft[p.topic] ?? withInApp(p) })),
      }),
    onSuccess: async () => {
      message.success(t('common:feedback.saved'));
      await queryClient.invalidateQueries({ queryKey: preferencesKey });
    },
  });
  const topics = query.data?.topics ?? [];

  return (
    <PageContainer content={t('preferences.intro')}>
      <Card loading={query.isLoading}>
        <Alert type="info" showIcon message={t('preferences.inAppAlways')} style={{ marginBottom: 16 }} />
        <List
          dataSource={topics}
          locale={{ emptyText: <Empty description={t('preferences.empty')} /> }}
          renderItem={(pref) => (
            <List.Item data-testid={`preference-${pref.topic}`} style={{ flexWrap: 'wrap', gap: 8 }}>
              <Space size={4} style={{ minWidth: 200 }}>
                <Typography.Text>{label.topic(pref.topic)}</Typography.Text>
                <Tooltip title={label.topicHint(pref.topic)}>
                  <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
                </Tooltip>
              </Space>
              <Checkbox.Group
                value={draft[pref.topic] ?? withInApp(pref)}
                onChange={(values) =>
                  setDraft((d) => ({ ...d, [pref.topic]: [ALWAYS, ...values.filter((v) => v !== ALWAYS)] }))
                }
                options={[ALWAYS, ...pref.available.filter((c) => c !== ALWAYS)].map((channel) => ({
                  value: channel,
                  disabled: channel === ALWAYS,
                  label: (
                    <Tooltip title={label.channelHint(channel)}>
                      <span>{label.channel(channel)}</span>
                    </Tooltip>
                  ),
                }))}
              />
            </List.Item>
          )}
        />
        {topics.length > 0 && (
          <Space style={{ marginTop: 16 }}>
            <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
              {t('common:actions.save')}
            </Button>
            <Typography.Text type="secondary">{t('preferences.contactHint')}</Typography.Text>
          </Space>
        )}
      </Card>
    </PageContainer>
  );
}
