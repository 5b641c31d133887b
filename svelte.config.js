import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  compilerOptions: { runes: true },
  kit: {
    adapter: adapter({ out: 'build', precompress: false }),
    alias: { $shared: 'shared' },
    // Each page's inline start-up script gets its hash in a script-src CSP header; the server adds the rest of
    // the policy (server/http/security.ts).
    csp: { mode: 'hash', directives: { 'script-src': ['self'] } },
  },
};

export default config;
