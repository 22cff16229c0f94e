import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { delta } from './homeLinks';

/**
 * "↑ 3 vs last month (5)": the change since the previous calendar month. `lowerIsBetter` colours a
 * rise red (complaints, overdue); `percent` shows rates in percentage points.
 */
export function MonthDelta({
  current,
  last,
  lowerIsBetter = true,
  percent = false,
}: {
  current: number | null;
  last: number | null;
  lowerIsBetter?: boolean;
  percent?: boolean;
}) {
  const { t } = useTranslation('home');
  const d = delta(current, last);
  const show = (v: number | null) => (v === null ? '–' : percent ? `${Math.round(v * 1000) / 10}%` : String(v));
  if (!d) return <Typography.Text type="secondary">{t('manager.lastMonth', { value: show(last) })}</Typography.Text>;
  const good = d.dir === 'same' ? undefined : (d.dir === 'down') === lowerIsBetter;
  const amount = percent ? `${Math.abs(Math.round(d.diff * 1000) / 10)} ${t('manager.points')}` : Math.abs(d.diff);
  return (
    <span data-testid="home-delta">
      {d.dir === 'same' ? (
        <Typography.Text type="secondary">{t('manager.same')}</Typography.Text>
      ) : (
        <Typography.Text type={good ? 'success' : 'danger'}>
          {d.dir === 'up' ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {amount}
        </Typography.Text>
      )}{' '}
      <Typography.Text type="secondary">{t('manager.lastMonth', { value: show(last) })}</Typography.Text>
    </span>
  );
}
