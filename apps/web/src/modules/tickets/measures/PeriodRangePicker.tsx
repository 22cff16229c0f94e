import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PERIOD_PRESETS, type Period, type PeriodPreset, presetPeriod } from './reportPeriod';

/**
 * The period of a report: a date range with the quick ranges (this month, last month, this quarter…)
 * as presets. One picker for every report page (root causes, SLA, survey results, callbacks).
 */
export function PeriodRangePicker(props: {
  value: Period;
  onChange: (period: Period) => void;
  presets?: readonly PeriodPreset[];
}) {
  const { t } = useTranslation('ticketsMeasures');
  const presets = (props.presets ?? PERIOD_PRESETS).map((preset) => {
    const range = presetPeriod(preset);
    return {
      label: t(`reports.presets.${preset}`),
      value: [dayjs(range.from), dayjs(range.to)] as [dayjs.Dayjs, dayjs.Dayjs],
    };
  });
  return (
    <DatePicker.RangePicker
      allowClear={false}
      value={[dayjs(props.value.from), dayjs(props.value.to)]}
      presets={presets}
      style={{ maxWidth: '100%' }}
      onChange={(range) => {
        const [from, to] = range ?? [];
        if (from && to) props.onChange({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
      }}
    />
  );
}
