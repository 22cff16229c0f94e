import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { calendarsKey, deleteCalendarDay, previewCalendar, putCalendarDay } from './api';
import { PreviewResult } from './PreviewResult';
import type { BusinessCalendar, CalendarDraft, CalendarOwnDay, CalendarPreview, DayOverrideKind } from './types';
import type { DayCell } from './yearView';

/** The change the dialog would make to a day: set it (off / work, named) or remove the calendar's own setting. */
export type DayChange = { action: 'set'; kind: DayOverrideKind; name: string } | { action: 'remove' };

/** The calendar as it would be after the change: what the preview is computed from. */
export function draftWithDay(calendar: BusinessCalendar, date: string, change: DayChange): CalendarDraft {
  const others = calendar.days.filter((day) => day.date !== date);
  const days: CalendarOwnDay[] =
    change.action === 'set' ? [...others, { date, kind: change.kind, name: change.name.trim() }] : others;
  return {
    timeZone: calendar.timeZone,
    weekly: calendar.weekly,
    workday: calendar.workday,
    followsOfficial: calendar.followsOfficial,
    days: days.sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/**
 * One day of the year view: make it a day off or a working day (调休) with a name, or remove the
 * calendar's own setting. "Preview impact" lists the open tickets whose deadlines would move; only
 * then "Apply" saves it (a new calendar version).
 */
export function DayDialog({
  calendar,
  cell,
  onClose,
}: {
  calendar: BusinessCalendar;
  cell: DayCell;
  onClose: () => void;
}) {
  const { t } = useTranslation(['calendars', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const own = calendar.days.find((day) => day.date === cell.date);
  const weekendLike = cell.kind === 'weekend' || cell.kind === 'holiday' || cell.kind === 'calendar_off';
  const [kind, setKind] = useState<DayOverrideKind>(own?.kind ?? (weekendLike ? 'work' : 'off'));
  const [name, setName] = useState(own?.name ?? cell.name ?? '');
  const [change, setChange] = useState<DayChange | null>(null);
  const [preview, setPreview] = useState<CalendarPreview | null>(null);
  /** The preview could not be computed: the change may still be applied (the error was shown). */
  const [previewFailed, setPreviewFailed] = useState(false);
  const reset = () => {
    setChange(null);
    setPreview(null);
    setPreviewFailed(false);
  };

  const previewMutation = useMutation({
    mutationFn: (next: DayChange) => previewCalendar(calendar.id, draftWithDay(calendar, cell.date, next)),
    onSuccess: (result, next) => {
      setChange(next);
      setPreview(result);
    },
    onError: (_error, next) => {
      setChange(next);
      setPreviewFailed(true);
    },
  });
  const apply = useMutation({
    mutationFn: (next: DayChange) =>
      next.action === 'set'
        ? putCalendarDay(calendar.id, cell.date, { kind: next.kind, name: next.name.trim(), version: calendar.version })
        : deleteCalendarDay(calendar.id, cell.date, calendar.version),
    onSuccess: async () => {
      message.success(t('day.applied', { version: calendar.version + 1 }));
      await queryClient.invalidateQueries({ queryKey: calendarsKey });
      onClose();
    },
  });

  const weekday = t(`weekday.${cell.weekday}` as 'weekday.0');
  return (
    <Modal
      open
      title={t('day.title', { date: cell.date, weekday })}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      footer={
        <Space wrap>
          <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
          <Button
            data-testid="calendar-day-preview"
            loading={previewMutation.isPending}
            onClick={() => previewMutation.mutate({ action: 'set', kind, name })}
          >
            {t('day.preview')}
          </Button>
          <Button
            type="primary"
            data-testid="calendar-day-apply"
            disabled={!change || (!preview && !previewFailed)}
            title={!change ? t('day.previewFirst') : undefined}
            loading={apply.isPending}
            onClick={() => change && apply.mutate(change)}
          >
            {t('day.apply')}
          </Button>
        </Space>
      }
    >
      <Space direction="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          {t('day.now', { kind: t(`kind.${cell.kind}`) })}
          {cell.name ? ` · ${cell.name}` : ''}
        </Typography.Text>
        <Radio.Group
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as DayOverrideKind);
            reset();
          }}
          optionType="button"
          options={[
            { value: 'off', label: t('day.setOff') },
            { value: 'work', label: t('day.setWork') },
          ]}
        />
        <Input
          aria-label={t('fields.dayName')}
          placeholder={t('hints.dayName')}
          maxLength={40}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            reset();
          }}
        />
        {own && (
          <Space wrap>
            <Button
              danger
              data-testid="calendar-day-remove"
              loading={previewMutation.isPending}
              onClick={() => previewMutation.mutate({ action: 'remove' })}
            >
              {t('day.remove')}
            </Button>
            <Typography.Text type="secondary">{t('day.removeHint')}</Typography.Text>
          </Space>
        )}
        {change?.action === 'remove' && <Alert type="info" showIcon message={t('day.remove')} />}
        {preview && <PreviewResult preview={preview} />}
        {previewFailed && <Alert type="warning" showIcon message={t('day.previewFailed')} />}
      </Space>
    </Modal>
  );
}
