import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setFieldErrors } from '../../api/formErrors';
import { calendarsKey, createCalendar, previewCalendar, updateCalendar } from './api';
import { PreviewResult } from './PreviewResult';
import { formatPeriods, parsePeriods, WEEK_ORDER } from './periods';
import type { BusinessCalendar, CalendarBody, CalendarPreview, Period } from './types';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const NINE_TO_SIX: Period[] = [[540, 1080]];

type Values = {
  nameZh: string;
  nameEn: string;
  timeZone: string;
  followsOfficial: boolean;
  /** Periods as text per weekday (index 0 = Sunday). */
  weekly: string[];
  workday: string;
};

export function toValues(calendar: BusinessCalendar | null): Values {
  const weekly = calendar?.weekly ?? [[], NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, NINE_TO_SIX, []];
  return {
    nameZh: calendar?.nameZh ?? '',
    nameEn: calendar?.nameEn ?? '',
    timeZone: calendar?.timeZone ?? DEFAULT_TIME_ZONE,
    followsOfficial: calendar?.followsOfficial ?? true,
    weekly: Array.from({ length: 7 }, (_, i) => formatPeriods(weekly[i] ?? [])),
    workday: formatPeriods(calendar?.workday ?? NINE_TO_SIX),
  };
}

export function toBody(values: Values): CalendarBody {
  return {
    nameZh: values.nameZh.trim(),
    nameEn: values.nameEn.trim(),
    timeZone: values.timeZone,
    followsOfficial: values.followsOfficial,
    weekly: Array.from({ length: 7 }, (_, i) => parsePeriods(values.weekly[i] ?? '') ?? []),
    workday: parsePeriods(values.workday) ?? [],
  };
}

function timeZones(): string[] {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone');
  return supported?.length ? supported : [DEFAULT_TIME_ZONE, 'UTC'];
}

/**
 * Create or edit a calendar: names, time zone, the weekly working periods (several per day: a
 * lunch break is two periods), the periods of a make-up working day and whether it follows the
 * official arrangements. Editing previews the open tickets whose deadlines move before it applies.
 */
export function CalendarFormModal({ calendar, onClose }: { calendar: BusinessCalendar | null; onClose: () => void }) {
  const { t } = useTranslation(['calendars', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [preview, setPreview] = useState<CalendarPreview | null>(null);
  const [previewFailed, setPreviewFailed] = useState(false);
  const zones = useMemo(() => timeZones().map((zone) => ({ value: zone, label: zone })), []);
  const periodsRule = {
    validator: (_: unknown, value: string | undefined) =>
      parsePeriods(value ?? '') ? Promise.resolve() : Promise.reject(new Error(t('hints.periodsInvalid'))),
  };

  const previewMutation = useMutation({
    mutationFn: (body: CalendarBody) => previewCalendar(calendar?.id ?? '', { ...body, days: calendar?.days ?? [] }),
    onSuccess: setPreview,
    onError: () => setPreviewFailed(true),
  });
  const save = useMutation({
    mutationFn: (body: CalendarBody) =>
      calendar ? updateCalendar(calendar.id, { ...body, version: calendar.version }) : createCalendar(body),
    onSuccess: async () => {
      message.success(t('common:feedback.saved'));
      await queryClient.invalidateQueries({ queryKey: calendarsKey });
      onClose();
    },
    onError: (error) => setFieldErrors(form, error),
  });

  const submit = async (step: 'preview' | 'save') => {
    const body = toBody(await form.validateFields());
    if (step === 'preview') previewMutation.mutate(body);
    else save.mutate(body);
  };

  return (
    <Modal
      open
      title={calendar ? t('form.edit') : t('form.create')}
      onCancel={onClose}
      destroyOnHidden
      width={680}
      footer={
        <Space wrap>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          {calendar && (
            <Button
              data-testid="calendar-form-preview"
              loading={previewMutation.isPending}
              onClick={() => void submit('preview')}
            >
              {t('day.preview')}
            </Button>
          )}
          <Button
            type="primary"
            data-testid="calendar-form-apply"
            disabled={!!calendar && !preview && !previewFailed}
            title={calendar && !preview ? t('day.previewFirst') : undefined}
            loading={save.isPending}
            onClick={() => void submit('save')}
          >
            {calendar ? t('day.apply') : t('common:actions.save')}
          </Button>
        </Space>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={toValues(calendar)}
        onValuesChange={() => {
          setPreview(null);
          setPreviewFailed(false);
        }}
      >
        <Space wrap style={{ width: '100%' }} styles={{ item: { minWidth: 240, flex: 1 } }}>
          <Form.Item name="nameZh" label={t('fields.nameZh')} rules={[{ required: true, whitespace: true, max: 64 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t('fields.nameEn')} rules={[{ required: true, whitespace: true, max: 64 }]}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="timeZone" label={t('fields.timeZone')} rules={[{ required: true }]}>
          <Select showSearch options={zones} />
        </Form.Item>
        <Form.Item label={t('form.weekly')} tooltip={t('hints.periods')} required>
          {WEEK_ORDER.map((weekday) => (
            <Form.Item key={weekday} name={['weekly', weekday]} rules={[periodsRule]} style={{ marginBottom: 8 }}>
              <Input
                addonBefore={<span style={{ display: 'inline-block', width: 36 }}>{t(`weekday.${weekday}`)}</span>}
                placeholder={t('list.noHours')}
                aria-label={t(`weekday.${weekday}`)}
              />
            </Form.Item>
          ))}
        </Form.Item>
        <Form.Item
          name="followsOfficial"
          label={t('fields.followsOfficial')}
          tooltip={t('hints.followsOfficial')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item name="workday" label={t('fields.workday')} tooltip={t('hints.workday')} rules={[periodsRule]}>
          <Input placeholder="09:00-18:00" />
        </Form.Item>
      </Form>
      {preview && <PreviewResult preview={preview} />}
      {previewFailed && <Alert type="warning" showIcon message={t('day.previewFailed')} />}
    </Modal>
  );
}
