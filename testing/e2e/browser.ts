/**
 * How every tool here starts Debian's Chromium: Playwright's own browser download is blocked on these machines,
 * and without the background-networking flags Chromium keeps dialling Google services the sandbox refuses.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumLaunchOptions(executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') {
  return { executablePath, args: CHROMIUM_ARGS };
}
