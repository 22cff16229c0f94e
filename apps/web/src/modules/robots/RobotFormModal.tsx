import { LOCALES } from '@kefu/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, type FormInstance, Input, Modal, Radio, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { setFieldErrors } from '../../api/formErrors';
import { createRobot, robotsKey, updateRobot } from './api';
import { RobotKindTag } from './RobotKindTag';
import {
  FORMATS,
  isHttpUrl,
  isMobile,
  kindOfUrl,
  type RobotValues,
  toBody,
  toPatch,
  toValues,
  URL_PREFIX,
  usesSecret,
} from './robotForm';
import { ROBOT_KINDS, ROBOT_TOPICS, type Robot, type RobotKind } from './types';

/**
 * The fields of the robot dialog: the chat (WeCom / DingTalk / Feishu), the URL pasted from the
 * group's robot settings, the signing secret with the vendor's own directions to it, the topics
 * the group receives, who is @-mentioned and the message format.
 */
export function RobotFormFields({
  form,
  kind,
  editing,
}: {
  form: FormInstance<RobotValues>;
  kind: RobotKind;
  editing: Robot | null;
}) {
  const { t } = useTranslation(['robots', 'common']);
  const secretKept = !!editing?.hasSecret && editing.kind === kind;
  return (
    <>
      <Form.Item name="kind" label={t('fields.kind')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          disabled={!!editing}
          options={ROBOT_KINDS.map((k) => ({
            value: k,
            label: <span data-testid={`robot-kind-${k}`}>{t(`kind.${k}`)}</span>,
          }))}
          onChange={(event) => {
            const next = event.target.value as RobotKind;
            if (!FORMATS[next].includes(form.getFieldValue('format'))) form.setFieldValue('format', 'text');
          }}
        />
      </Form.Item>
      <Alert
        type="info"
        showIcon
        data-testid="robot-vendor-hint"
        style={{ marginBottom: 16 }}
        message={<RobotKindTag kind={kind} />}
        description={t(`hint.${kind}`)}
      />
      <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, max: 100 }]}>
        <Input id="robot-name" placeholder={t('form.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="url"
        label={t('fields.url')}
        extra={t('form.urlHint', { example: `${URL_PREFIX[kind]}…` })}
        rules={[
          { required: true, whitespace: true, max: 2048 },
          {
            validator: (_, value?: string) =>
              !value || isHttpUrl(value) ? Promise.resolve() : Promise.reject(new Error(t('form.urlInvalid'))),
          },
          {
            validator: (_, value: string | undefined) => {
              const guessed = value ? kindOfUrl(value) : undefined;
              return guessed && guessed !== kind
                ? Promise.reject(new Error(t('form.urlOtherKind', { kind: t(`kind.${guessed}`) })))
                : Promise.resolve();
            },
          },
        ]}
      >
        <Input id="robot-url" placeholder={`${URL_PREFIX[kind]}…`} autoComplete="off" />
      </Form.Item>
      {usesSecret(kind) && (
        <Form.Item
          name="secret"
          label={t('fields.secret')}
          extra={secretKept ? t('form.secretKept') : t(`form.secretHint.${kind as 'dingtalk'}`)}
          rules={[{ max: 256 }]}
        >
          <Input.Password
            id="robot-secret"
            autoComplete="new-password"
            placeholder={secretKept ? t('form.secretKeptPlaceholder') : kind === 'dingtalk' ? 'SEC…' : ''}
          />
        </Form.Item>
      )}
      <Form.Item name="topics" label={t('fields.topics')} extra={t('form.topicsHint')}>
        <Select
          id="robot-topics"
          mode="multiple"
          allowClear
          options={ROBOT_TOPICS.map((topic) => ({ value: topic, label: t(`topic.${topic}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="mentionMobiles"
        label={t('fields.mentionMobiles')}
        extra={t('form.mentionHint')}
        rules={[
          {
            validator: (_, value: string[] | undefined) =>
              (value ?? []).every(isMobile) ? Promise.resolve() : Promise.reject(new Error(t('form.mobileInvalid'))),
          },
        ]}
      >
        <Select id="robot-mentions" mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ']} />
      </Form.Item>
      <Form.Item name="format" label={t('fields.format')}>
        <Radio.Group options={FORMATS[kind].map((f) => ({ value: f, label: t(`format.${f}`) }))} />
      </Form.Item>
      <Form.Item name="locale" label={t('fields.locale')}>
        <Radio.Group options={LOCALES.map((locale) => ({ value: locale, label: t(`common:languages.${locale}`) }))} />
      </Form.Item>
      <Form.Item name="enabled" label={t('fields.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('form.testAfterSave')}
      </Typography.Paragraph>
    </>
  );
}

/** Create or edit a robot; server field errors land on their fields. */
export function RobotFormModal({ robot, onClose }: { robot: Robot | null; onClose: (saved?: Robot) => void }) {
  const { t } = useTranslation(['robots', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RobotValues>();
  const kind = Form.useWatch('kind', form) ?? robot?.kind ?? 'dingtalk';
  const save = useMutation({
    mutationFn: (values: RobotValues) => (robot ? updateRobot(robot.id, toPatch(values)) : createRobot(toBody(values))),
    onSuccess: async (saved) => {
      message.success(t('common:feedback.saved'));
      await queryClient.invalidateQueries({ queryKey: robotsKey });
      onClose(saved);
    },
    onError: (error) => setFieldErrors(form, error),
  });

  return (
    <Modal
      open
      title={robot ? t('form.edit') : t('form.create')}
      onCancel={() => onClose()}
      onOk={() => void form.validateFields().then((values) => save.mutate(values))}
      okText={t('common:actions.save')}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'robot-save' }}
      destroyOnHidden
      width={640}
    >
      <Form<RobotValues> form={form} layout="vertical" initialValues={toValues(robot)}>
        <RobotFormFields form={form} kind={kind} editing={robot} />
      </Form>
    </Modal>
  );
}
