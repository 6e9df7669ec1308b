/**
 * Debian's Chromium as every browser test launches it: never a downloaded browser, and without
 * the background connections this machine's closed network would refuse.
 */
export const CHROMIUM_EXECUTABLE = '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
