import { InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { splitMinutes, toMinutes, UNITS, type Unit } from './targets';

/** Minutes entered as a number and a unit (minutes / hours / days); a form control (value = minutes). */
export function DurationInput({
  value,
  onChange,
  id,
  ariaLabel,
}: {
  value?: number | null;
  onChange?: (minutes: number | null) => void;
  id?: string;
  ariaLabel?: string;
}) {
  const { t } = useTranslation('slaPolicies');
  const [unit, setUnit] = useState<Unit>(() => (value ? splitMinutes(value).unit : 'h'));
  const shown = value ? Number((value / toMinutes(1, unit)).toFixed(2)) : null;
  return (
    <Space.Compact>
      <InputNumber
        id={id}
        aria-label={ariaLabel}
        min={0}
        step={unit === 'min' ? 5 : 1}
        value={shown}
        style={{ width: 120 }}
        onChange={(next) => onChange?.(next === null || next === undefined ? null : toMinutes(Number(next), unit))}
      />
      <Select<Unit>
        value={unit}
        style={{ width: 90 }}
        aria-label={t('fields.target')}
        onChange={(next) => {
          setUnit(next);
          if (shown !== null) onChange?.(toMinutes(shown, next));
        }}
        options={UNITS.map((u) => ({ value: u, label: t(`unitName.${u}`) }))}
      />
    </Space.Compact>
  );
}
