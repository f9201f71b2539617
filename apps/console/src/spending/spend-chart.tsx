import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { formatMoney } from '../money/money';
import type { SpendTable } from './spend-series';

// Only the pieces this chart draws: the bundle stays a fraction of all of ECharts. The canvas
// renderer draws without inline style attributes, which the console's CSP would refuse.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const HEIGHT_PX = 320;
// Mantine's palette, in an order where neighbours stay distinguishable.
const COLORS = [
  '#1c7ed6',
  '#f76707',
  '#37b24d',
  '#ae3ec9',
  '#f59f00',
  '#0ca678',
  '#e03131',
  '#495057',
];

interface Props {
  readonly table: SpendTable;
  readonly currency: string;
  /** What the chart shows, in words, for those who cannot see it. */
  readonly description: string;
}

/**
 * Stacked bars of spending per day, one colour per group. The bars' heights are the only place
 * money becomes a JavaScript number: geometry, never shown. Every figure a person reads (axis,
 * tooltip) is formatted from the exact micro-units.
 */
export function SpendChart({ table, currency, description }: Props) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const dom = element.current;
    if (dom === null) return;
    const chart = echarts.init(dom);
    chart.setOption(optionOf(table, currency));
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(dom);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [table, currency]);
  return <div ref={element} role="img" aria-label={description} style={{ height: HEIGHT_PX }} />;
}

function optionOf(table: SpendTable, currency: string): echarts.EChartsCoreOption {
  return {
    color: COLORS,
    animation: false,
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => tooltipOf(table, currency, params),
    },
    xAxis: { type: 'category', data: table.days.map((day) => day.slice(5)) },
    yAxis: {
      type: 'value',
      axisLabel: {
        // Ticks are round numbers of micro-units the axis chose itself.
        formatter: (micros: number) => formatMoney(BigInt(Math.round(micros)), currency),
      },
    },
    series: table.series.map((series) => ({
      name: series.label,
      type: 'bar',
      stack: 'spend',
      data: series.perDay.map(Number),
    })),
  };
}

/** The day's figures, exact, from the table rather than from the bars. */
function tooltipOf(table: SpendTable, currency: string, params: unknown): string {
  const [first] = params as { dataIndex: number }[];
  if (first === undefined) return '';
  const day = first.dataIndex;
  const lines = table.series
    .filter((series) => series.perDay[day] !== 0n)
    .map((series) => `${escape(series.label)}: ${formatMoney(series.perDay[day], currency)}`);
  return [
    `<strong>${table.days[day]}</strong>`,
    ...lines,
    `Total: ${formatMoney(table.dayTotals[day], currency)}`,
  ].join('<br>');
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
