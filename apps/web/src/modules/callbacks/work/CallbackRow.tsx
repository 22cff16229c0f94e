import { Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../components/format';
import { DueText, RowTags } from './CallbackMarks';
import { rowTags } from './callbackRules';
import type { CallbackItem } from './callbackTypes';

/** One of my callbacks: when to call, who, why, how, tries so far and the deadline; opens the call screen. */
export function CallbackRow({ item }: { item: CallbackItem }) {
  const { t } = useTranslation('callbacksWork');
  return (
    <Link
      to={`/callbacks/${item.id}`}
      data-testid="callback-row"
      data-callback={item.id}
      data-overdue={item.overdue ? 'true' : 'false'}
      style={{ display: 'block', width: '100%', minWidth: 0, color: 'inherit' }}
    >
      <Flex vertical gap={4} style={{ minWidth: 0 }}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <DueText item={item} />
          <Space size={0} wrap>
            <RowTags tags={rowTags(item)} />
          </Space>
        </Flex>
        <Flex gap={8} align="baseline" wrap style={{ minWidth: 0 }}>
          <Typography.Text strong data-testid="callback-customer">
            {item.customer.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
            {item.purpose ?? item.sourceLabel}
          </Typography.Text>
        </Flex>
        <Flex gap={8} wrap style={{ fontSize: 12 }}>
          <Tag bordered={false} style={{ marginInlineEnd: 0 }}>
            {item.channelLabel}
          </Tag>
          <Typography.Text type="secondary">{t('labels.attempts', { count: item.attempts })}</Typography.Text>
          {item.deadlineAt ? (
            <Typography.Text type={item.overdue ? 'danger' : 'secondary'}>
              {t('labels.deadlineAt', { time: formatDateTime(item.deadlineAt) })}
            </Typography.Text>
          ) : null}
        </Flex>
      </Flex>
    </Link>
  );
}
