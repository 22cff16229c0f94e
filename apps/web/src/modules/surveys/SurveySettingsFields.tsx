import { useQuery } from '@tanstack/react-query';
import { Card, Col, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { listTicketTypes, ticketSettingsKey } from '../tickets/settings/api';
import { SURVEY_LIMITS, SURVEY_TRIGGERS } from './types';

/** Name, introduction, anonymity and the switch on. */
export function SurveyBasicsFields() {
  const { t } = useTranslation('surveys');
  return (
    <Card size="small" title={t('builder.basics')}>
      <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input id="survey-name" data-testid="survey-name" />
      </Form.Item>
      <Form.Item name="description" label={t('fields.description')} rules={[{ max: SURVEY_LIMITS.description }]}>
        <Input.TextArea id="survey-description" autoSize={{ minRows: 2, maxRows: 5 }} showCount maxLength={500} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item name="active" label={t('fields.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item
            name="anonymous"
            label={t('fields.anonymous')}
            valuePropName="checked"
            extra={t('builder.anonymousHint')}
          >
            <Switch data-testid="survey-anonymous" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** When and to whom invitations go: trigger, ticket types, delay, sampling, skips, expiry, reminder. */
export function SurveyRulesFields() {
  const { t } = useTranslation('surveys');
  const form = Form.useFormInstance();
  const trigger = Form.useWatch('trigger', form);
  const types = useQuery({
    queryKey: [...ticketSettingsKey, 'types', 'all'],
    queryFn: listTicketTypes,
    staleTime: 300_000,
    meta: { silent: true },
  });
  const auto = trigger === 'ticket_closed';
  return (
    <Card size="small" title={t('fields.rules')}>
      <Form.Item name="trigger" label={t('fields.trigger')} extra={auto ? t('builder.triggerHint') : undefined}>
        <Radio.Group options={SURVEY_TRIGGERS.map((value) => ({ value, label: t(`trigger.${value}`) }))} />
      </Form.Item>
      {auto && (
        <>
          <Form.Item name="ticketTypeKeys" label={t('fields.ticketTypeKeys')} extra={t('builder.ticketTypesHint')}>
            <Select
              mode="tags"
              allowClear
              options={(types.data?.items ?? []).map((type) => ({ value: type.key, label: type.name }))}
            />
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="delayAfterCloseMinutes"
                label={t('fields.delay')}
                extra={t('builder.delayHint')}
                rules={[{ required: true }]}
              >
                <InputNumber min={0} max={43_200} step={30} addonAfter={t('units.minutes', { n: '' }).trim()} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="samplingPercent"
                label={t('fields.sampling')}
                extra={t('builder.samplingHint')}
                rules={[{ required: true }]}
              >
                <InputNumber min={0} max={100} step={5} addonAfter="%" data-testid="survey-sampling" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="skipNoAgentReply" valuePropName="checked" label={t('fields.skipNoAgentReply')}>
            <Switch />
          </Form.Item>
          <Form.Item
            name="skipInternal"
            valuePropName="checked"
            label={t('fields.skipInternal')}
            extra={t('builder.skipInternalHint')}
          >
            <Switch />
          </Form.Item>
        </>
      )}
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Form.Item
            name="expiryDays"
            label={t('fields.expiryDays')}
            extra={t('builder.expiryHint')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={SURVEY_LIMITS.expiryDays} data-testid="survey-expiry" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="reminderAfterDays" label={t('fields.reminderAfterDays')} extra={t('builder.reminderHint')}>
            <InputNumber min={1} max={179} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item
            name="minSample"
            label={t('fields.minSample')}
            extra={t('builder.minSampleHint')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={1000} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
