import { theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../components/EChart';
import { EmptyHint } from '../../components/EmptyHint';
import type { HomeManager } from './api';

/** The month's top root causes of closed complaints, as a small horizontal bar chart. */
export function RootCauseChart({ items }: { items: HomeManager['rootCauses'] }) {
  const { t } = useTranslation('home');
  const { token } = theme.useToken();
  const option = useMemo<EChartOption>(() => {
    const rows = [...items].reverse();
    return {
      grid: { left: 8, right: 24, top: 4, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { width: 96, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          name: t('manager.rootCauseCount'),
          data: rows.map((r) => r.count),
          itemStyle: { color: token.colorPrimary },
          label: { show: true, position: 'right' },
          barMaxWidth: 16,
        },
      ],
    };
  }, [items, t, token.colorPrimary]);
  if (items.length === 0) {
    return <EmptyHint text={t('manager.noRootCauses')} testId="home-no-root-causes" />;
  }
  return <EChart option={option} height={Math.max(80, items.length * 30 + 16)} data-testid="home-root-causes-chart" />;
}
