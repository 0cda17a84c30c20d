/** Request header the proxy (proxy.ts) sets to the page's path and query, for server components. */
export const REQUEST_PATH_HEADER = "x-unitscope-path";
