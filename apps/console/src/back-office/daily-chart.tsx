import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { chartPosition } from '../money/money';

// Only the pieces drawn here, so the bundle carries no more of ECharts than they need.
echarts.use([BarChart, GridComponent, LegendComponent, CanvasRenderer]);

export interface DailyPoint {
  readonly day: string;
  readonly charges: string;
  readonly recharges: string;
}

interface Props {
  readonly points: readonly DailyPoint[];
  readonly currency: string;
  /** What a screen reader hears for the picture; the table beside it has every figure. */
  readonly label: string;
}

/**
 * Charges and recharges per day as bars. A picture only: no tooltip (ECharts' HTML tooltip
 * would need inline styles the console's CSP refuses), the exact amounts are in the table
 * the page shows with it.
 */
export function DailyChart({ points, currency, label }: Props) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(container.current, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 16, top: 40, bottom: 32 },
      legend: { top: 0, data: ['Charges', 'Recharges'] },
      xAxis: { type: 'category', data: points.map((p) => p.day.slice(5, 10)) },
      yAxis: { type: 'value', name: currency, nameTextStyle: { align: 'right' } },
      series: [
        { name: 'Charges', type: 'bar', color: '#c2410c', data: positions(points, 'charges') },
        { name: 'Recharges', type: 'bar', color: '#1d4ed8', data: positions(points, 'recharges') },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [points, currency]);
  return <div ref={container} role="img" aria-label={label} style={{ height: 280 }} />;
}

function positions(points: readonly DailyPoint[], key: 'charges' | 'recharges'): number[] {
  return points.map((point) => chartPosition(point[key]));
}
