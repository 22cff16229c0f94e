import { PageContainer } from '@ant-design/pro-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Col, Descriptions, Flex, Result, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../api/ApiError';
import { EmptyHint } from '../../../components/EmptyHint';
import { homeQueryKey } from '../../home/api';
import { DeadlineClock, DueText, RowTags } from './CallbackMarks';
import { CallbackActions } from './call/CallbackActions';
import { AttemptLog, ContactHistory, OtherCallbacks } from './call/CallbackHistory';
import { CustomerQuietHours } from './call/CustomerQuietHours';
import { SurveyOnBehalf } from './call/SurveyOnBehalf';
import { callbackKey, callbacksKey, getCallback } from './callbackApi';
import { rowTags } from './callbackRules';
import type { CallbackDetail } from './callbackTypes';

/** Who, why, how and by when: the customer (a link to the record), purpose, channel, due time, deadline clock. */
function CallbackHeader({ callback }: { callback: CallbackDetail }) {
  const { t } = useTranslation('callbacksWork');
  return (
    <Card size="small" data-testid="callback-header">
      <Flex vertical gap={8}>
        <Flex gap={8} align="center" wrap>
          <Typography.Title level={4} style={{ margin: 0, overflowWrap: 'anywhere' }} data-testid="callback-customer">
            {callback.customer.name}
          </Typography.Title>
          <Link to={`/customers/${callback.customer.id}`} data-testid="callback-customer-link">
            {t('call.openCustomer')}
          </Link>
          <Tag data-testid="callback-status">{callback.statusLabel}</Tag>
          <RowTags tags={rowTags(callback)} />
        </Flex>
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('call.purpose')} span={{ xs: 1, sm: 2 }}>
            <span style={{ overflowWrap: 'anywhere' }}>{callback.purpose ?? '-'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('call.channel')}>{callback.channelLabel}</Descriptions.Item>
          <Descriptions.Item label={t('call.source')}>{callback.sourceLabel}</Descriptions.Item>
          <Descriptions.Item label={t('call.due')}>
            <DueText item={callback} />
          </Descriptions.Item>
          <Descriptions.Item label={t('call.deadline')}>
            <DeadlineClock item={callback} />
          </Descriptions.Item>
          <Descriptions.Item label={t('call.assignee')}>
            {callback.assignee?.displayName ?? t('call.unassigned')}
          </Descriptions.Item>
          <Descriptions.Item label={t('quietHours.title')} span={{ xs: 1, sm: 2 }}>
            <CustomerQuietHours callback={callback} />
          </Descriptions.Item>
        </Descriptions>
      </Flex>
    </Card>
  );
}

/**
 * The call screen (/callbacks/:id): the customer, purpose and deadline clock, the script, the
 * contact history and the customer's other callbacks; beside them (below on a phone) the action
 * panel: not reached / reached → outcome, write-up, complaint, and a survey filled in for the customer.
 */
export function CallbackPage() {
  const { t } = useTranslation(['callbacksWork', 'common']);
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const detail = useQuery({
    queryKey: callbackKey(id),
    queryFn: () => getCallback(id),
    meta: { silent: true },
    retry: false,
  });
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: callbacksKey }),
      queryClient.invalidateQueries({ queryKey: homeQueryKey }),
    ]);
  };
  const callback = detail.data;

  if (detail.isError) {
    const notFound = isApiError(detail.error) && detail.error.status === 404;
    return (
      <PageContainer>
        <Card>
          {notFound ? (
            <EmptyHint
              testId="callback-not-found"
              text={detail.error.message}
              action={{ label: t('callbacksWork:today.emptyAction.today'), to: '/callbacks/today' }}
            />
          ) : (
            <Result status="warning" subTitle={detail.error.message} />
          )}
        </Card>
      </PageContainer>
    );
  }

  return (
    <PageContainer
      loading={detail.isLoading}
      title={callback ? t('callbacksWork:call.title', { name: callback.customer.name }) : undefined}
    >
      {callback ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            <Flex vertical gap={16}>
              <CallbackHeader callback={callback} />
              <Card size="small" title={t('callbacksWork:call.script.title')} data-testid="callback-script">
                <Typography.Paragraph
                  style={{ whiteSpace: 'pre-wrap', fontSize: 15, lineHeight: 1.8, marginBottom: 0 }}
                >
                  {callback.script}
                </Typography.Paragraph>
              </Card>
              <ContactHistory contacts={callback.contacts} />
              <OtherCallbacks history={callback.history} />
            </Flex>
          </Col>
          <Col xs={24} lg={9}>
            <Flex vertical gap={16}>
              <CallbackActions callback={callback} onChanged={refresh} />
              <AttemptLog attempts={callback.attemptLog} />
              {callback.status !== 'cancelled' ? <SurveyOnBehalf callbackId={callback.id} /> : null}
            </Flex>
          </Col>
        </Row>
      ) : null}
    </PageContainer>
  );
}
