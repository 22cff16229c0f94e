import { ModalForm, ProForm, ProFormDatePicker, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { agentListKey, listAgents } from '../assignment/api';
import type { Measure, UpdateMeasureBody } from './types';

/** "Mark done": what was done is required (the server refuses `done` without it). */
export function DoneDialog({
  measure,
  onClose,
  onSubmit,
}: {
  measure: Measure | null;
  onClose: () => void;
  onSubmit: (measure: Measure, doneNote: string) => Promise<unknown>;
}) {
  const { t } = useTranslation('ticketsMeasures');
  const [form] = Form.useForm<{ doneNote: string }>();
  return (
    <ModalForm<{ doneNote: string }>
      key={measure?.id ?? 'none'}
      title={t('done.title', { title: measure?.title ?? '' })}
      open={measure !== null}
      onOpenChange={(open) => !open && onClose()}
      form={form}
      width={520}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ doneNote: measure?.doneNote ?? '' }}
      onFinish={async ({ doneNote }) => {
        if (!measure) return false;
        try {
          await onSubmit(measure, doneNote);
        } catch {
          return false;
        }
        return true;
      }}
    >
      <ProFormTextArea
        name="doneNote"
        label={t('fields.doneNote')}
        placeholder={t('done.placeholder')}
        fieldProps={{ autoSize: { minRows: 3, maxRows: 8 }, showCount: true, maxLength: 2000 }}
        rules={[{ required: true, whitespace: true, message: t('done.required') }]}
      />
    </ModalForm>
  );
}

type EditValues = { title: string; ownerId: string; dueDate: string };

/** Change a measure's title, owner (an agent in the caller's scope) or due date (today or later). */
export function EditDialog({
  measure,
  onClose,
  onSubmit,
}: {
  measure: Measure | null;
  onClose: () => void;
  onSubmit: (measure: Measure, body: UpdateMeasureBody) => Promise<unknown>;
}) {
  const { t } = useTranslation('ticketsMeasures');
  const [form] = Form.useForm<EditValues>();
  const agents = useQuery({
    queryKey: agentListKey({}),
    queryFn: () => listAgents({}),
    enabled: measure !== null,
    staleTime: 60_000,
  });
  const owners = useMemo(() => {
    const options = (agents.data?.items ?? []).map((agent) => ({
      value: agent.userId,
      label: agent.departmentName ? `${agent.displayName} · ${agent.departmentName}` : agent.displayName,
    }));
    // The current owner may be outside the caller's scope: still show the name.
    if (measure && !options.some((option) => option.value === measure.owner.id)) {
      options.unshift({ value: measure.owner.id, label: measure.owner.displayName });
    }
    return options;
  }, [agents.data, measure]);

  return (
    <ModalForm<EditValues>
      key={measure?.id ?? 'none'}
      title={t('edit.title')}
      open={measure !== null}
      onOpenChange={(open) => !open && onClose()}
      form={form}
      width={520}
      modalProps={{ destroyOnHidden: true }}
      initialValues={measure ? { title: measure.title, ownerId: measure.owner.id, dueDate: measure.dueDate } : {}}
      onFinish={async (values) => {
        if (!measure) return false;
        const body: UpdateMeasureBody = {};
        if (values.title.trim() !== measure.title) body.title = values.title.trim();
        if (values.ownerId !== measure.owner.id) body.ownerId = values.ownerId;
        if (values.dueDate !== measure.dueDate) body.dueDate = values.dueDate;
        if (Object.keys(body).length === 0) return true;
        try {
          await onSubmit(measure, body);
        } catch {
          return false;
        }
        return true;
      }}
    >
      <ProFormText name="title" label={t('fields.title')} rules={[{ required: true, whitespace: true, max: 200 }]} />
      <ProForm.Item name="ownerId" label={t('fields.owner')} tooltip={t('edit.ownerHint')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" loading={agents.isLoading} options={owners} />
      </ProForm.Item>
      <ProFormDatePicker
        name="dueDate"
        label={t('fields.dueDate')}
        rules={[{ required: true }]}
        fieldProps={{
          format: 'YYYY-MM-DD',
          disabledDate: (day: Dayjs) => day.isBefore(dayjs(), 'day'),
        }}
      />
    </ModalForm>
  );
}
