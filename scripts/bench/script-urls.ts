/**
 * The JavaScript a page's HTML makes the browser load: `<script src>` and `<link rel=preload|modulepreload as=script>`
 * of the same origin, without `nomodule` scripts (legacy polyfills modern browsers skip). Deduplicated, in order.
 */
export function scriptUrls(html: string, pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin;
  const urls: string[] = [];
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = attr(tag, 'src');
    if (src && !/\snomodule\b/i.test(tag)) urls.push(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = attr(tag, 'rel')?.toLowerCase();
    const href = attr(tag, 'href');
    if (href && (rel === 'modulepreload' || (rel === 'preload' && attr(tag, 'as')?.toLowerCase() === 'script')))
      urls.push(href);
  }
  const absolute = urls.map((u) => new URL(u.replace(/&amp;/g, '&'), pageUrl));
  return [...new Set(absolute.filter((u) => u.origin === origin).map((u) => u.toString()))];
}
