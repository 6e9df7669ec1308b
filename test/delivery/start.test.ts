import {spawn, type ChildProcess} from 'node:child_process'
import {existsSync, mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {afterAll, describe, expect, it} from 'vitest'

import {E2E_LAKE_PORT} from '../e2e/studio'
import {parseHtml} from './pageAssertions'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
let child: ChildProcess | undefined

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
})

/** Start `npm start`'s script and wait for the line that says where the site is. */
function startSite(env: Record<string, string>): Promise<{url: string; output: () => string}> {
  let output = ''
  child = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
    cwd: repoRoot,
    env: {...process.env, SANITY_TELEMETRY_DISABLED: '1', ...env},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const url = /Careers site: (http:\/\/\S+)/.exec(output)?.[1]
      if (url) resolve({url, output: () => output})
    }
    child?.stdout?.on('data', onData)
    child?.stderr?.on('data', onData)
    child?.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)))
  })
}

/** Waits for the line that says where `name` runs, and returns the address. */
async function printed(output: () => string, name: string): Promise<string> {
  const pattern = new RegExp(`${name}: (http://\\S+)`)
  await expect.poll(() => pattern.exec(output())?.[1], {timeout: 150_000}).toBeDefined()
  return pattern.exec(output())?.[1] ?? ''
}

describe('npm start', () => {
  it('imports the examples into a new dataset, exports the site and serves it on localhost', async () => {
    const datasetFile = join(mkdtempSync(join(tmpdir(), 'start-')), 'production.ndjson')
    // Ports beside the e2e ones, so checkouts testing side by side do not collide.
    const lakePort = E2E_LAKE_PORT + 2
    const studioPort = E2E_LAKE_PORT + 3
    const {url, output} = await startSite({
      DATASET_FILE: datasetFile,
      PORT: '0',
      CONTENT_LAKE_PORT: String(lakePort),
      STUDIO_PORT: String(studioPort),
    })
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/career\/$/)
    expect(output()).toContain(`into ${datasetFile}`)
    expect(existsSync(datasetFile)).toBe(true)

    const index = parseHtml(await (await fetch(url)).text())
    const firstPosting = index.querySelector('.posting-card a')?.getAttribute('href')
    expect(firstPosting).toMatch(/^\/career\/[\w.-]+\/$/)
    const posting = await fetch(new URL(firstPosting ?? '', url))
    expect(posting.status).toBe(200)
    expect(parseHtml(await posting.text()).querySelectorAll('h1')).toHaveLength(1)

    // Every address is printed once it answers: the Studio's dev server too, which compiles first.
    for (const name of ['Local Content Lake', 'Studio']) {
      const address = await printed(output, name)
      const response = await fetch(address)
      expect(response.status, `${name} at ${address}`).toBe(200)
    }
    expect(output()).toContain(`Local Content Lake: http://localhost:${lakePort}\n`)
    expect(output()).toContain(`Studio: http://127.0.0.1:${studioPort}/\n`)
  }, 180_000)
})
