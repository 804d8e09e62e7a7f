import 'server-only';

import Bowser from 'bowser';

/** `131.0.6778.33` -> `131`, `17.1` -> `17.1`: what people say of a version. */
function shortVersion(version: string | undefined): string {
  const [major, minor] = (version ?? '').split('.');
  if (!major) return '';
  return minor && minor !== '0' ? `${major}.${minor}` : major;
}

/**
 * A User-Agent as people recognise their own browsers: "Chrome 131 on Linux", "Safari 17.1 on iOS 17.1", "Firefox 133
 * on Windows 10"; null when it names no browser (a script, or no User-Agent at all).
 *
 * Parsed with bowser: MIT-licensed, no dependencies, maintained, and its browser and system tables follow the
 * browsers' own changes (Edge, Chrome's reduced User-Agent), which a hand-written pattern would not. ua-parser-js,
 * the other common choice, is AGPL from version 2. Only the server parses, so its size never reaches the browser.
 */
export function describeBrowser(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const parser = Bowser.getParser(userAgent);
  const browser = parser.getBrowser();
  if (!browser.name) return null;
  const os = parser.getOS();
  const osText = os.name
    ? [os.name, os.versionName ?? (os.name === 'iOS' ? os.version : undefined)].filter(Boolean).join(' ')
    : '';
  const name = [browser.name, shortVersion(browser.version)].filter(Boolean).join(' ');
  return osText ? `${name} on ${osText}` : name;
}
