// ECharts is ~540 kB even tree-shaken (STACK.md): it loads on the first chart a page draws, once, and only
// with the pieces our charts use. SVG renderer: text stays real text (crisp on a projector, readable by tests).
import type * as EChartsCore from 'echarts/core';

export type ECharts = typeof EChartsCore;

let loading: Promise<ECharts> | null = null;

/** The ECharts core with our charts, components and the SVG renderer registered; one promise for all charts. */
export function loadECharts(): Promise<ECharts> {
  loading ??= Promise.all([
    import('echarts/core'),
    import('echarts/charts'),
    import('echarts/components'),
    import('echarts/renderers'),
  ]).then(([core, charts, components, renderers]) => {
    core.use([
      charts.LineChart,
      charts.BarChart,
      charts.ScatterChart,
      // Part 2's Confidence Clock and Risk-vs-Velocity Radar.
      charts.GaugeChart,
      charts.RadarChart,
      components.GridComponent,
      components.TooltipComponent,
      components.LegendComponent,
      components.MarkLineComponent,
      components.MarkPointComponent,
      components.MarkAreaComponent,
      components.AriaComponent,
      components.RadarComponent,
      renderers.SVGRenderer,
    ]);
    return core;
  });
  // A failed chunk load (server restarted mid-deploy, network blip) must not poison every later chart.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
