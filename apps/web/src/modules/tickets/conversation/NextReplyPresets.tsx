import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Space, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { showError } from '../../../api/errors';
import { formatDateTime } from '../../../components/format';
import { calendarsKey, getNextWorkingStart } from '../../calendars/api';
import { NEXT_REPLY_PRESETS, type NextReplyPreset, presetTimes } from './nextReply';

/**
 * The calendar of "next working day": the built-in `cn-workdays` (State Council holidays and 调休
 * make-up days), the one every SLA policy counts on unless it names another.
 */
export const NEXT_REPLY_CALENDAR = 'cn-workdays';

const nextWorkingKey = [...calendarsKey, NEXT_REPLY_CALENDAR, 'next-working-start'] as const;
const fetchNextWorking = () => getNextWorkingStart(NEXT_REPLY_CALENDAR);

/**
 * A next-reply time (跟清楚) picked in one click — 2 小时后, 今天 17:30 (gone once past), 明天 10:00,
 * 下一个工作日 (the business calendar's, from the server) — or any time in the picker beside them.
 * A form control: `value` / `onChange` with a Dayjs; the picker keeps the `id` (labels, errors).
 */
export function NextReplyPresets({
  id,
  value,
  onChange,
  testIdPrefix = 'next-reply',
}: {
  id?: string;
  value?: Dayjs | null;
  onChange?: (value: Dayjs | null) => void;
  testIdPrefix?: string;
}) {
  const { t } = useTranslation('tickets');
  const queryClient = useQueryClient();
  const nextWorking = useQuery({ queryKey: nextWorkingKey, queryFn: fetchNextWorking, staleTime: 10 * 60_000 });
  const now = dayjs();
  const local = presetTimes(now);
  // A cached answer computed yesterday may name today: it is stale once its day has come.
  const workday = nextWorking.data && dayjs(nextWorking.data.start).isAfter(now) ? dayjs(nextWorking.data.start) : null;

  const pick = async (preset: NextReplyPreset) => {
    if (preset !== 'nextWorkday') {
      onChange?.(local[preset]);
      return;
    }
    try {
      const fresh = workday
        ? workday
        : dayjs(
            (await queryClient.fetchQuery({ queryKey: nextWorkingKey, queryFn: fetchNextWorking, staleTime: 0 })).start,
          );
      onChange?.(fresh);
    } catch (error) {
      showError(error);
    }
  };
  const timeOf = (preset: NextReplyPreset) => (preset === 'nextWorkday' ? workday : local[preset]);

  return (
    <Space wrap size={[8, 8]} data-testid={`${testIdPrefix}-presets`}>
      {NEXT_REPLY_PRESETS.map((preset) => {
        const time = timeOf(preset);
        if (preset === 'today1730' && !time) return null;
        const chosen = !!value && !!time && value.isSame(time, 'minute');
        return (
          <Tooltip key={preset} title={time ? formatDateTime(time.toISOString()) : undefined}>
            <Button
              size="small"
              type={chosen ? 'primary' : 'default'}
              aria-pressed={chosen}
              loading={preset === 'nextWorkday' && nextWorking.isLoading}
              onClick={() => void pick(preset)}
              data-testid={`${testIdPrefix}-preset-${preset}`}
            >
              {t(`recording.presets.${preset}`)}
            </Button>
          </Tooltip>
        );
      })}
      <DatePicker
        id={id}
        value={value ?? null}
        onChange={(next) => onChange?.(next)}
        showTime={{ format: 'HH:mm' }}
        format="YYYY-MM-DD HH:mm"
        disabledDate={(day) => day.isBefore(dayjs().startOf('day'))}
        style={{ minWidth: 200 }}
      />
    </Space>
  );
}
