/**
 * A minimal ECharts host: `echarts.init` on mount, `setOption` whenever `option` changes, resize
 * with its container (ResizeObserver), `dispose` on unmount. Only the chart types Kefu draws are
 * registered (tree-shaken through `echarts/core`); add one to `echarts.use` below when needed.
 */
import { BarChart, LineChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  DatasetComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

export type EChartOption = echarts.EChartsCoreOption;

export type EChartProps = {
  option: EChartOption;
  height?: number | string;
  style?: CSSProperties;
  className?: string;
  'data-testid'?: string;
};

export function EChart({ option, height = 300, style, className, 'data-testid': testId }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  // The latest option, so a chart re-created (StrictMode remount) draws it at once.
  const optionRef = useRef(option);
  optionRef.current = option;

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    const chart = echarts.init(container);
    chartRef.current = chart;
    chart.setOption(optionRef.current, { notMerge: true });
    const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => chart.resize());
    observer?.observe(container);
    return () => {
      observer?.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div ref={containerRef} className={className} data-testid={testId} style={{ width: '100%', height, ...style }} />
  );
}
