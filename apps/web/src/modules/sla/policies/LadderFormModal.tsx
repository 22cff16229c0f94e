import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { setFieldErrors } from '../../../api/formErrors';
import { useRoleOptions } from '../../roles/useRoleOptions';
import { UserSelect } from '../../users/UserSelect';
import { createLadder, slaAdminKey, updateLadder } from './api';
import { DurationInput } from './DurationInput';
import { recipientOf, recipientValue } from './targets';
import { CHANNELS, type Channel, type Ladder, type LadderBody, type LadderRecipient } from './types';

const RELATIVE = ['assignee', 'department_manager', 'general_manager', 'on_duty_leader', 'superior_chain'] as const;
/** The assignee's superiors this many levels up (without a depth: all of them). */
const DEPTHS = [1, 2, 3] as const;

/** A level as the form holds it: relative recipients and roles as chips, named users apart. */
type LevelValues = {
  nameZh: string;
  nameEn: string;
  limitMinutes: number;
  recipients: string[];
  users: string[];
  channels: Channel[];
};
type Values = { nameZh: string; nameEn: string; levels: LevelValues[] };

export function toLadderValues(ladder: Ladder | null): Values {
  const levels = ladder?.levels ?? [
    { nameZh: '', nameEn: '', limitMinutes: 30, recipients: [{ kind: 'assignee' }], channels: ['in_app'] },
  ];
  return {
    nameZh: ladder?.nameZh ?? '',
    nameEn: ladder?.nameEn ?? '',
    levels: levels.map((level) => ({
      nameZh: level.nameZh,
      nameEn: level.nameEn,
      limitMinutes: level.limitMinutes,
      recipients: level.recipients.filter((r) => r.kind !== 'user').map(recipientValue),
      users: level.recipients.flatMap((r) => (r.kind === 'user' ? [r.userId] : [])),
      channels: level.channels,
    })),
  };
}

export function toLadderBody(values: Values): LadderBody {
  return {
    nameZh: values.nameZh.trim(),
    nameEn: values.nameEn.trim(),
    levels: values.levels.map((level) => ({
      nameZh: level.nameZh.trim(),
      nameEn: level.nameEn.trim(),
      limitMinutes: level.limitMinutes,
      recipients: [
        ...level.recipients.map(recipientOf).filter((r): r is LadderRecipient => !!r),
        ...(level.users ?? []).map((userId) => ({ kind: 'user' as const, userId })),
      ],
      channels: level.channels,
    })),
  };
}

/**
 * An escalation ladder: its levels in order, each with a name, a time limit, recipients (chips:
 * assignee, superiors, department manager, general manager, on-duty leader, a role, named people)
 * and channels. Channels other than in-app are delivered once the notification module is set up.
 */
export function LadderFormModal({ ladder, onClose }: { ladder: Ladder | null; onClose: () => void }) {
  const { t } = useTranslation(['slaPolicies', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const roles = useRoleOptions();
  const levels = Form.useWatch('levels', form) as LevelValues[] | undefined;
  const pendingChannel = (levels ?? []).some((l) => l?.channels?.some((c) => c !== 'in_app'));
  const recipientOptions = [
    ...RELATIVE.map((kind) => ({ value: kind, label: t(`recipient.${kind}`) })),
    ...DEPTHS.map((depth) => ({ value: `superior_chain:${depth}`, label: t('recipient.superiors', { depth }) })),
    ...roles.map((role) => ({ value: `role:${role.value}`, label: t('recipient.role', { name: role.label }) })),
  ];
  const save = useMutation({
    mutationFn: (body: LadderBody) =>
      ladder ? updateLadder(ladder.id, { ...body, version: ladder.version }) : createLadder(body),
    onSuccess: async () => {
      message.success(t('common:feedback.saved'));
      await queryClient.invalidateQueries({ queryKey: slaAdminKey });
      onClose();
    },
    onError: (error) => setFieldErrors(form, error),
  });

  return (
    <Modal
      open
      title={ladder ? t('ladder.edit') : t('ladder.create')}
      onCancel={onClose}
      destroyOnHidden
      width={760}
      okText={t('common:actions.save')}
      confirmLoading={save.isPending}
      onOk={async () => save.mutate(toLadderBody(await form.validateFields()))}
    >
      <Form<Values> form={form} layout="vertical" initialValues={toLadderValues(ladder)}>
        <Space wrap style={{ width: '100%' }} styles={{ item: { minWidth: 240, flex: 1 } }}>
          <Form.Item name="nameZh" label={t('fields.nameZh')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('fields.nameEn')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
        </Space>
        <Form.List
          name="levels"
          rules={[
            {
              validator: async (_, value) =>
                (value?.length ?? 0) > 0 ? undefined : Promise.reject(new Error(t('ladder.needLevel'))),
            },
          ]}
        >
          {(fields, { add, remove, move }, { errors }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  data-testid={`ladder-level-${index + 1}`}
                  title={t('ladder.level', { n: index + 1 })}
                  extra={
                    <Space size={0}>
                      <Button
                        type="text"
                        icon={<ArrowUpOutlined />}
                        aria-label={t('ladder.moveUp')}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      />
                      <Button
                        type="text"
                        icon={<ArrowDownOutlined />}
                        aria-label={t('ladder.moveDown')}
                        disabled={index === fields.length - 1}
                        onClick={() => move(index, index + 1)}
                      />
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('ladder.removeLevel')}
                        onClick={() => remove(field.name)}
                      />
                    </Space>
                  }
                >
                  <Space wrap style={{ width: '100%' }} styles={{ item: { minWidth: 200, flex: 1 } }}>
                    <Form.Item
                      name={[field.name, 'nameZh']}
                      label={t('fields.nameZh')}
                      rules={[{ required: true, whitespace: true }]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'nameEn']}
                      label={t('fields.nameEn')}
                      rules={[{ required: true, whitespace: true }]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'limitMinutes']}
                      label={t('ladder.limit')}
                      rules={[{ required: true, type: 'number', min: 1 }]}
                    >
                      <DurationInput ariaLabel={t('ladder.limit')} />
                    </Form.Item>
                  </Space>
                  <Form.Item name={[field.name, 'recipients']} label={t('ladder.recipients')}>
                    <Select mode="multiple" options={recipientOptions} optionFilterProp="label" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'users']} label={t('ladder.namedUsers')}>
                    <UserSelect mode="multiple" allowClear />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'channels']}
                    label={t('ladder.channels')}
                    rules={[{ required: true, type: 'array', min: 1, message: t('ladder.needChannel') }]}
                  >
                    <Checkbox.Group options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
                  </Form.Item>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ nameZh: '', nameEn: '', limitMinutes: 60, recipients: [], users: [], channels: ['in_app'] })
                }
              >
                {t('ladder.addLevel')}
              </Button>
            </Space>
          )}
        </Form.List>
        {pendingChannel && (
          <Alert style={{ marginTop: 12 }} type="info" showIcon message={t('ladder.channelPending')} />
        )}
      </Form>
    </Modal>
  );
}
