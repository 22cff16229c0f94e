import { Space, Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period, YearDay } from './types';
import { countKinds, DAY_KINDS, type DayCell, type DayKind, monthWeeks } from './yearView';

/** The colours of each kind of day (background, text, the small corner mark). */
export const KIND_STYLE: Record<DayKind, { background: string; color: string; border: string; mark?: 'off' | 'work' }> =
  {
    workday: { background: '#ffffff', color: 'rgba(0,0,0,0.88)', border: '#f0f0f0' },
    weekend: { background: '#f5f5f5', color: 'rgba(0,0,0,0.45)', border: '#f0f0f0' },
    holiday: { background: '#fff1f0', color: '#cf1322', border: '#ffa39e', mark: 'off' },
    makeup_workday: { background: '#fff7e6', color: '#d46b08', border: '#ffc069', mark: 'work' },
    calendar_off: { background: '#f9f0ff', color: '#531dab', border: '#d3adf7', mark: 'off' },
    calendar_work: { background: '#e6f4ff', color: '#0958d9', border: '#91caff', mark: 'work' },
  };

const WEEK_HEADER = [1, 2, 3, 4, 5, 6, 0] as const;

const gridStyle: CSSProperties = {
  display: 'grid',
  // 4 months a row at 1366 px, one (or two) on a phone.
  gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
  gap: 16,
};
// minmax(0, 1fr): a day with a long holiday name (English) is cut with an ellipsis, not widened.
const weekStyle: CSSProperties = { display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 2 };

function DayButton({
  cell,
  selected,
  onSelect,
}: {
  cell: DayCell;
  selected: boolean;
  onSelect?: (cell: DayCell) => void;
}) {
  const { t } = useTranslation('calendars');
  const style = KIND_STYLE[cell.kind];
  const label = [cell.date, t(`weekday.${cell.weekday}` as 'weekday.0'), t(`kind.${cell.kind}`), cell.name]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type="button"
      className={`kefu-cal-day kefu-cal-${cell.kind}`}
      data-date={cell.date}
      data-kind={cell.kind}
      data-testid={`calendar-day-${cell.date}`}
      aria-label={label}
      aria-pressed={selected}
      title={label}
      disabled={!onSelect}
      onClick={() => onSelect?.(cell)}
      style={{
        position: 'relative',
        minWidth: 0,
        minHeight: 34,
        padding: '2px 0',
        background: style.background,
        color: style.color,
        border: `1px solid ${selected ? '#1677ff' : style.border}`,
        outline: selected ? '2px solid #1677ff' : undefined,
        borderRadius: 4,
        cursor: onSelect ? 'pointer' : 'default',
        fontSize: 13,
        lineHeight: '16px',
      }}
    >
      {cell.day}
      {style.mark && (
        <span
          aria-hidden
          style={{ position: 'absolute', top: 0, right: 2, fontSize: 10, lineHeight: '12px', fontWeight: 600 }}
        >
          {t(`mark.${style.mark}`)}
        </span>
      )}
      {cell.name && (
        <span
          aria-hidden
          style={{
            display: 'block',
            fontSize: 10,
            lineHeight: '12px',
            overflow: 'hidden',
            whiteSpace: 'nowrap',
            textOverflow: 'ellipsis',
          }}
        >
          {cell.name}
        </span>
      )}
    </button>
  );
}

/** The legend: what each colour means and how many such days the year has. */
export function YearLegend({ counts }: { counts?: Record<DayKind, number> }) {
  const { t } = useTranslation('calendars');
  return (
    <Space wrap size={[8, 8]} data-testid="calendar-legend">
      {DAY_KINDS.map((kind) => {
        const style = KIND_STYLE[kind];
        return (
          <Tag key={kind} style={{ background: style.background, color: style.color, borderColor: style.border }}>
            {style.mark ? `${t(`mark.${style.mark}`)} · ` : ''}
            {t(`kind.${kind}`)}
            {counts ? ` ${counts[kind]}` : ''}
          </Tag>
        );
      })}
    </Space>
  );
}

/**
 * A year at a glance: twelve month grids, each day coloured by what it is for the calendar
 * (workday, weekend, official holiday with its name, make-up working day "班", the calendar's own
 * days). Clicking a day hands it to `onSelect` (absent: read only).
 */
export function YearView({
  year,
  weekly,
  overrides,
  selected,
  onSelect,
}: {
  year: number;
  weekly: readonly (readonly Period[])[];
  overrides: ReadonlyMap<string, YearDay>;
  selected?: string | null;
  onSelect?: (cell: DayCell) => void;
}) {
  const { t, i18n } = useTranslation('calendars');
  const months = useMemo(
    () => Array.from({ length: 12 }, (_, month) => ({ month, weeks: monthWeeks(year, month, weekly, overrides) })),
    [year, weekly, overrides],
  );
  const counts = useMemo(() => countKinds(year, weekly, overrides), [year, weekly, overrides]);
  const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <YearLegend counts={counts} />
      <div style={gridStyle} data-testid="calendar-year">
        {months.map(({ month, weeks }) => (
          <section key={month} aria-label={monthName.format(Date.UTC(year, month, 1))} data-month={month + 1}>
            <Typography.Text strong>{monthName.format(Date.UTC(year, month, 1))}</Typography.Text>
            <div style={{ ...weekStyle, marginTop: 4 }} aria-hidden>
              {WEEK_HEADER.map((weekday) => (
                <Typography.Text key={weekday} type="secondary" style={{ textAlign: 'center', fontSize: 12 }}>
                  {t(`weekdayShort.${weekday}` as 'weekdayShort.0')}
                </Typography.Text>
              ))}
            </div>
            {weeks.map((week) => (
              <div key={week.find(Boolean)?.date} style={{ ...weekStyle, marginTop: 2 }}>
                {week.map((cell, i) =>
                  cell ? (
                    <DayButton key={cell.date} cell={cell} selected={selected === cell.date} onSelect={onSelect} />
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: padding cells have no identity
                    <span key={`pad-${i}`} />
                  ),
                )}
              </div>
            ))}
          </section>
        ))}
      </div>
    </Space>
  );
}
