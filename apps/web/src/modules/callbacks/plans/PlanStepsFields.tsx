import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Segmented, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { newStep } from './planForm';
import { CHANNELS, DAY_KINDS, type EditableTrigger } from './types';

const MAX_STEPS = 30;

/** The channel options with their labels (shared by the plan steps and the campaign step). */
export function useChannelOptions() {
  const { t } = useTranslation('callbacksPlans');
  return CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }));
}

/**
 * One step's own fields: "N (calendar | working) days after, by channel (or instead …), purpose,
 * script". `prefix` is the step's name path in the form (`['steps', 2]`, or none for a campaign).
 */
export function StepFields({
  prefix,
  trigger,
  milestoneOptions,
}: {
  prefix: (string | number)[];
  trigger: EditableTrigger | 'campaign';
  milestoneOptions?: { value: string; label: string }[];
}) {
  const { t } = useTranslation('callbacksPlans');
  const channels = useChannelOptions();
  const name = (field: string) => [...prefix, field];
  const milestone = trigger === 'milestone';
  return (
    <Row gutter={12}>
      {milestone && (
        <Col xs={24} md={12}>
          <Form.Item
            name={name('milestoneTypeKey')}
            label={t('step.milestoneType')}
            extra={t('step.milestoneTypeHint')}
          >
            <Select allowClear options={milestoneOptions} placeholder={t('step.milestoneTypePlaceholder')} />
          </Form.Item>
        </Col>
      )}
      <Col xs={12} md={milestone ? 6 : 8}>
        <Form.Item
          name={name('offsetDays')}
          label={t('step.offsetDays')}
          tooltip={t('step.offsetDaysHint')}
          rules={[{ required: true, message: t('step.offsetRequired') }]}
        >
          <InputNumber min={-365} max={730} precision={0} style={{ width: '100%' }} data-testid="plan-step-offset" />
        </Form.Item>
      </Col>
      <Col xs={12} md={milestone ? 6 : 8}>
        <Form.Item name={name('dayKind')} label={t('step.dayKind')} tooltip={t('step.dayKindHint')}>
          <Segmented block options={DAY_KINDS.map((k) => ({ value: k, label: t(`dayKind.${k}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={milestone ? 8 : 8}>
        <Form.Item name={name('channel')} label={t('step.channel')}>
          <Select options={channels} data-testid="plan-step-channel" />
        </Form.Item>
      </Col>
      <Col xs={12} md={8}>
        <Form.Item name={name('altChannel')} label={t('step.altChannel')} tooltip={t('step.altChannelHint')}>
          <Select allowClear options={channels} placeholder={t('step.altChannelNone')} />
        </Form.Item>
      </Col>
      {milestone && (
        <Col xs={24} md={8}>
          <Form.Item
            name={name('fixedDate')}
            label={t('step.fixedDate')}
            tooltip={t('step.fixedDateHint')}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        </Col>
      )}
      <Col span={24}>
        <Form.Item
          name={name('purpose')}
          label={t('step.purpose')}
          rules={[{ required: true, whitespace: true, message: t('step.purposeRequired') }, { max: 200 }]}
        >
          <Input placeholder={t('step.purposePlaceholder')} data-testid="plan-step-purpose" />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name={name('script')} label={t('step.script')} rules={[{ max: 4000 }]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            placeholder={t('step.scriptPlaceholder')}
            data-testid="plan-step-script"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** The plan's steps, in order: add, remove (not the last one), each in its own card. */
export function PlanStepsFields({
  trigger,
  milestoneOptions,
}: {
  trigger: EditableTrigger;
  milestoneOptions: { value: string; label: string }[];
}) {
  const { t } = useTranslation('callbacksPlans');
  return (
    <Form.List
      name="steps"
      rules={[
        {
          validator: async (_, steps?: unknown[]) => {
            if (!steps || steps.length === 0) throw new Error(t('step.atLeastOne'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div data-testid="plan-steps">
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              data-testid="plan-step"
              title={<Typography.Text strong>{t('step.title', { n: index + 1 })}</Typography.Text>}
              extra={
                fields.length > 1 && (
                  <Button
                    type="text"
                    danger
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('step.remove')}
                    data-testid="plan-step-remove"
                    onClick={() => remove(field.name)}
                  >
                    {t('step.remove')}
                  </Button>
                )
              }
            >
              <StepFields prefix={[field.name]} trigger={trigger} milestoneOptions={milestoneOptions} />
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          {fields.length < MAX_STEPS && (
            <Button
              block
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add(newStep())}
              data-testid="plan-step-add"
            >
              {t('step.add')}
            </Button>
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('step.positionHint')}
          </Typography.Paragraph>
        </div>
      )}
    </Form.List>
  );
}
