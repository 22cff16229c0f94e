import { Checkbox, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FACT_ITEMS, type FactItem } from './types';

/** 问清楚: the facts checklist of a complaint, as a controlled checkbox group. */
export function FactsChecklist({
  value,
  onChange,
  disabled,
}: {
  value?: FactItem[];
  onChange?: (value: FactItem[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('tickets');
  const ticked = value ?? [];
  return (
    <Space direction="vertical" size={4}>
      <Checkbox.Group
        value={ticked}
        disabled={disabled}
        onChange={(next) => onChange?.(FACT_ITEMS.filter((item) => next.includes(item)))}
        data-testid="facts-checklist"
      >
        <Space direction="vertical" size={2}>
          {FACT_ITEMS.map((item) => (
            <Checkbox key={item} value={item} data-testid={`fact-${item}`}>
              {t(`facts.${item}`)}
            </Checkbox>
          ))}
        </Space>
      </Checkbox.Group>
      {ticked.length < FACT_ITEMS.length && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('facts.missing', { count: FACT_ITEMS.length - ticked.length })} · {t('facts.hint')}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The ticked items of a ticket's facts record. */
export const tickedFacts = (facts: Partial<Record<string, boolean>>): FactItem[] =>
  FACT_ITEMS.filter((item) => facts[item] === true);
