import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  TreeSelect,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { setFieldErrors } from '../../../api/formErrors';
import { useAccess } from '../../auth/useAccess';
import { toTreeOptions } from '../../departments/tree';
import { useDepartments } from '../../departments/useDepartments';
import { createPolicy, deletePolicy, slaAdminKey, updatePolicy } from './api';
import { DurationInput } from './DurationInput';
import { GRADES, type Ladder, METRICS, type Policy, type PolicyBody, PRIORITIES } from './types';

/** What the dialog edits: a policy, or a new one (optionally pre-filled, e.g. from a matrix cell). */
export type PolicyDraft = { policy: Policy } | { initial: Partial<PolicyBody> };

type Values = Omit<PolicyBody, 'warnPercents'> & { warnPercents: (number | string)[] };

const ANY = '';
const orNull = <T,>(value: T | '' | undefined | null): T | null => (value === '' || value === undefined ? null : value);

export function initialValues(draft: PolicyDraft): Values {
  const base: PolicyBody = {
    nameZh: '',
    nameEn: '',
    metric: 'first_response',
    typeKey: null,
    priority: null,
    customerGrade: null,
    departmentId: null,
    targetMinutes: 240,
    timeBasis: 'business',
    calendarId: 'cn-workdays',
    warnPercents: [50, 75, 90],
    ladderId: null,
    followUpMinutes: null,
    isActive: true,
    sortOrder: 0,
  };
  const from = 'policy' in draft ? draft.policy : { ...base, ...draft.initial };
  return { ...base, ...from, warnPercents: from.warnPercents ?? base.warnPercents };
}

export function toBody(values: Values): PolicyBody {
  const warn = [...new Set(values.warnPercents.map(Number).filter((n) => Number.isInteger(n) && n > 0 && n < 100))];
  return {
    ...values,
    nameZh: values.nameZh.trim(),
    nameEn: values.nameEn.trim(),
    typeKey: orNull(values.typeKey),
    priority: orNull(values.priority),
    customerGrade: orNull(values.customerGrade),
    departmentId: orNull(values.departmentId),
    ladderId: orNull(values.ladderId),
    followUpMinutes: values.followUpMinutes || null,
    warnPercents: warn.sort((a, b) => a - b),
  };
}

/**
 * Create or edit one policy: what it matches (metric, type, priority, grade, department), the
 * target (with unit, business or calendar time, calendar), warnings, ladder and follow-up target.
 */
export function PolicyFormModal({
  draft,
  types,
  calendars,
  ladders,
  onClose,
}: {
  draft: PolicyDraft;
  types: { value: string; label: string }[];
  calendars: { value: string; label: string }[];
  ladders: Ladder[];
  onClose: () => void;
}) {
  const { t } = useTranslation(['slaPolicies', 'tickets', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const existing = 'policy' in draft ? draft.policy : null;
  const departments = useDepartments({ enabled: useAccess().can('departments.read') });
  const metric = Form.useWatch('metric', form);
  const basis = Form.useWatch('timeBasis', form);
  const refresh = () => queryClient.invalidateQueries({ queryKey: slaAdminKey });

  const save = useMutation({
    mutationFn: (body: PolicyBody) =>
      existing ? updatePolicy(existing.id, { ...body, version: existing.version }) : createPolicy(body),
    onSuccess: async () => {
      message.success(t('common:feedback.saved'));
      await refresh();
      onClose();
    },
    onError: (error) => setFieldErrors(form, error),
  });
  const remove = useMutation({
    mutationFn: () => deletePolicy(existing?.id ?? '', existing?.version),
    onSuccess: async () => {
      message.success(t('common:feedback.deleted'));
      await refresh();
      onClose();
    },
  });
  const anyOption = { value: ANY, label: t('fields.any') };

  return (
    <Modal
      open
      title={existing ? t('policy.edit') : t('policy.create')}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      footer={
        <Space wrap>
          {existing && (
            <Popconfirm title={t('common:confirmDelete', { name: existing.name })} onConfirm={() => remove.mutate()}>
              <Button danger loading={remove.isPending}>
                {t('common:actions.delete')}
              </Button>
            </Popconfirm>
          )}
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button
            type="primary"
            data-testid="policy-save"
            loading={save.isPending}
            onClick={async () => save.mutate(toBody(await form.validateFields()))}
          >
            {t('common:actions.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          ...initialValues(draft),
          typeKey: initialValues(draft).typeKey ?? ANY,
          priority: initialValues(draft).priority ?? ANY,
          customerGrade: initialValues(draft).customerGrade ?? ANY,
          ladderId: initialValues(draft).ladderId ?? ANY,
        }}
      >
        <Space wrap style={{ width: '100%' }} styles={{ item: { minWidth: 240, flex: 1 } }}>
          <Form.Item name="nameZh" label={t('fields.nameZh')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('fields.nameEn')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
        </Space>
        <Space wrap style={{ width: '100%' }} styles={{ item: { minWidth: 130, flex: 1 } }}>
          <Form.Item name="metric" label={t('fields.metric')} rules={[{ required: true }]}>
            <Select options={METRICS.map((m) => ({ value: m, label: t(`metric.${m}`) }))} />
          </Form.Item>
          <Form.Item name="typeKey" label={t('fields.typeKey')}>
            <Select options={[anyOption, ...types]} />
          </Form.Item>
          <Form.Item name="priority" label={t('fields.priority')}>
            <Select
              options={[anyOption, ...PRIORITIES.map((p) => ({ value: p, label: t(`tickets:priority.${p}`) }))]}
            />
          </Form.Item>
          <Form.Item name="customerGrade" label={t('fields.grade')}>
            <Select options={[anyOption, ...GRADES.map((g) => ({ value: g, label: t('grade', { grade: g }) }))]} />
          </Form.Item>
        </Space>
        {metric === 'team_handling' && (
          <Form.Item name="departmentId" label={t('fields.department')} tooltip={t('hints.department')}>
            <TreeSelect
              allowClear
              treeDefaultExpandAll
              showSearch
              treeNodeFilterProp="title"
              placeholder={t('fields.any')}
              treeData={toTreeOptions(departments.tree)}
            />
          </Form.Item>
        )}
        <Space wrap size={[16, 0]}>
          <Form.Item
            name="targetMinutes"
            label={t('fields.target')}
            tooltip={metric === 'promised_reply' ? t('hints.promised') : t('hints.target')}
            rules={[{ required: true, type: 'number', min: 1 }]}
          >
            <DurationInput ariaLabel={t('fields.target')} />
          </Form.Item>
          <Form.Item name="timeBasis" label={t('fields.timeBasis')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'business', label: t('basis.business') },
                { value: 'calendar', label: t('basis.calendar') },
              ]}
            />
          </Form.Item>
        </Space>
        {basis !== 'calendar' && (
          <Form.Item name="calendarId" label={t('fields.calendar')} rules={[{ required: true }]}>
            <Select options={calendars} />
          </Form.Item>
        )}
        <Form.Item name="warnPercents" label={t('fields.warnPercents')} tooltip={t('hints.warnPercents')}>
          <Select mode="tags" open={false} tokenSeparators={[',', ' ', '，']} />
        </Form.Item>
        <Space wrap style={{ width: '100%' }} styles={{ item: { minWidth: 240, flex: 1 } }}>
          <Form.Item name="ladderId" label={t('fields.ladder')}>
            <Select
              options={[
                { value: ANY, label: t('fields.noLadder') },
                ...ladders.map((l) => ({ value: l.id, label: l.name })),
              ]}
            />
          </Form.Item>
          <Form.Item name="followUpMinutes" label={t('fields.followUp')} tooltip={t('hints.followUp')}>
            <DurationInput ariaLabel={t('fields.followUp')} />
          </Form.Item>
        </Space>
        <Space wrap size={[24, 0]}>
          <Form.Item name="isActive" label={t('fields.isActive')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="sortOrder" label={t('fields.sortOrder')}>
            <InputNumber min={0} max={100000} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
