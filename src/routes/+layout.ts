// The pages live on a socket, not on server-rendered HTML: render in the browser only.
export const ssr = false;
export const prerender = false;
