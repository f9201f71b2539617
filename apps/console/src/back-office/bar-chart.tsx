import { BarChart as EChartsBar } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { chartPosition } from '../money/money';

// Only the pieces drawn here, so the bundle carries no more of ECharts than they need.
echarts.use([EChartsBar, GridComponent, LegendComponent, CanvasRenderer]);

/** One set of bars: an amount (the API's Money) per category. */
export interface BarSeries {
  readonly name: string;
  readonly color: string;
  readonly amounts: readonly string[];
}

interface Props {
  /** The x axis: a day, an hour… */
  readonly categories: readonly string[];
  readonly series: readonly BarSeries[];
  readonly currency: string;
  /** Bars of one category on top of each other (parts of a whole) rather than side by side. */
  readonly stacked?: boolean;
  /** What a screen reader hears for the picture; the table beside it has every figure. */
  readonly label: string;
}

/**
 * Amounts per category as bars. A picture only: no tooltip (ECharts' HTML tooltip would need
 * inline styles the console's CSP refuses), the exact amounts are in the table the page shows
 * with it.
 */
export function BarChart({ categories, series, currency, stacked = false, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(container.current, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 16, top: 40, bottom: 32 },
      legend: { top: 0, data: series.map((s) => s.name) },
      xAxis: { type: 'category', data: categories },
      yAxis: { type: 'value', name: currency, nameTextStyle: { align: 'right' } },
      series: series.map((s) => ({
        name: s.name,
        type: 'bar',
        color: s.color,
        stack: stacked ? 'total' : undefined,
        data: s.amounts.map(chartPosition),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [categories, series, currency, stacked]);
  return <div ref={container} role="img" aria-label={label} style={{ height: 280 }} />;
}
