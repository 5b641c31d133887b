// `import { chart } from '$lib/charts/chart.js'`: the attachment itself lives in chart.svelte.ts because it
// needs runes ($state, $effect), which only `.svelte` and `.svelte.ts` files may use.
export { chart } from './chart.svelte.js';
