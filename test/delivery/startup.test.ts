/**
 * What the export loads at start-up. A fresh Node process is needed: the test runner has loaded
 * other modules already.
 */
import {execFileSync} from 'node:child_process'
import {fileURLToPath} from 'node:url'

import {describe, expect, it} from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** Run an ES module snippet in a new Node process with tsx, from the repository root. */
function runModule(source: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', source], {
    cwd: ROOT,
    encoding: 'utf8',
  })
}

describe('export start-up', () => {
  it('builds no DOM for the sanitiser until preserved HTML is sanitised', () => {
    // isomorphic-dompurify announces itself as globalThis.DOMPurify once it has built its jsdom window.
    const output = runModule(`
      const {exportSite} = await import('./lib/export/exportSite.ts')
      const {sanitizePreservedHtml} = await import('./lib/render/index.ts')
      const before = typeof exportSite === 'function' && 'DOMPurify' in globalThis
      const clean = sanitizePreservedHtml('<p onclick="x()">Hi</p>')
      console.log(JSON.stringify({before, after: 'DOMPurify' in globalThis, clean}))
    `)
    expect(JSON.parse(output)).toEqual({before: false, after: true, clean: '<p>Hi</p>'})
  })
})
