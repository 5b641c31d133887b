// The one way pages draw an ECharts chart: `<div {@attach chart(() => options)}>`. Runes live here (a
// `.svelte.ts` module) because the options are read in an effect of their own: a change redraws the chart
// instead of re-running the attachment, which would dispose and re-create it on every slider step.
import type { ECElementEvent, EChartsCoreOption, EChartsType } from 'echarts/core';
import type { Attachment } from 'svelte/attachments';
import { loadECharts } from './echarts.js';

/** What a page listens to on a chart's elements, with ECharts' own parameters (series and data index of a mark). */
export interface ChartEvents {
  click?: (params: ECElementEvent) => void;
}

/** Attaches a chart to an element (give it a height); `getOptions` is re-read whenever its state changes.
 *  `events` are bound once: a handler reads the page's state when it runs, so it never needs rebinding. */
export function chart(getOptions: () => EChartsCoreOption, events: ChartEvents = {}): Attachment<HTMLElement> {
  return (element) => {
    let instance = $state.raw<EChartsType | null>(null);
    let detached = false;

    loadECharts().then(
      (echarts) => {
        if (detached) return;
        const created = echarts.init(element, null, { renderer: 'svg' });
        if (events.click) created.on('click', events.click);
        instance = created;
      },
      () => {
        if (!detached) element.textContent = 'The chart could not be loaded. Reload the page to try again.';
      },
    );

    // Redraw from scratch (notMerge): options are rebuilt whole by pure functions, so a merge would keep
    // marks that the new options no longer contain (e.g. a mark line that should disappear).
    $effect(() => {
      const options = getOptions();
      instance?.setOption(options, { notMerge: true });
    });

    // Phones rotate and panels open: follow the element's size, not the window's.
    const observer = new ResizeObserver(() => instance?.resize());
    observer.observe(element);

    return () => {
      detached = true;
      observer.disconnect();
      instance?.dispose();
      instance = null;
    };
  };
}
