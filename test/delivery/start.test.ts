import {spawn, spawnSync, type ChildProcess} from 'node:child_process'
import {existsSync, mkdtempSync} from 'node:fs'
import {connect} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {afterAll, describe, expect, it} from 'vitest'

import {E2E_LAKE_PORT} from '../e2e/studio'
import {parseHtml} from './pageAssertions'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
let child: ChildProcess | undefined
// Ports beside the e2e ones, so checkouts testing side by side do not collide.
const lakePort = E2E_LAKE_PORT + 2
const studioPort = E2E_LAKE_PORT + 3

/** Whether something on this machine accepts connections on `port`. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** Whether any process of `npm start`'s process group (its services included) still runs. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
  // Whatever a failed test left behind must not hold the ports for the next run.
  if (child?.pid && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL')
})

/**
 * Start `npm start`'s script in a process group of its own (as a terminal would), and wait for
 * the output to contain `until`.
 */
function startSite(
  env: Record<string, string>,
  until = /Careers site: (http:\/\/\S+)/,
): Promise<{url: string; output: () => string; process: ChildProcess}> {
  let output = ''
  const started = spawn(join(repoRoot, 'node_modules/.bin/tsx'), ['scripts/start.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      SANITY_TELEMETRY_DISABLED: '1',
      PORT: '0',
      CONTENT_LAKE_PORT: String(lakePort),
      STUDIO_PORT: String(studioPort),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  child = started
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = until.exec(output)
      if (match) resolve({url: match[1] ?? '', output: () => output, process: started})
    }
    started.stdout?.on('data', onData)
    started.stderr?.on('data', onData)
    started.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)))
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
    const {url, output} = await startSite({DATASET_FILE: datasetFile})
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

  it('stops every service it started when it is stopped during start-up', async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    const datasetFile = join(mkdtempSync(join(tmpdir(), 'start-')), 'production.ndjson')
    // Stopped while the services start: `sanity dev` listens but is still compiling, so the
    // Studio's address has not been printed yet.
    const {process: started, output} = await startSite(
      {DATASET_FILE: datasetFile},
      /(Checking configuration files)/,
    )
    await expect.poll(() => accepts(studioPort), {timeout: 120_000}).toBe(true)
    expect(output()).not.toContain('Studio: http')
    const exited = new Promise((resolve) => started.once('exit', resolve))
    started.kill('SIGTERM')
    await exited
    // SIGTERM went to the main process only, as a process manager sends it: nothing it started
    // may outlive it, or the next `npm start` finds its ports taken.
    await expect
      .poll(() => groupAlive(started.pid!), {timeout: 60_000})
      .toBe(false)
      .catch((error: unknown) => {
        const left = spawnSync('ps', ['-o', 'pid,args', '-g', String(started.pid)]).stdout
        throw new Error(`npm start left processes running:\n${left}`, {cause: error})
      })
  }, 180_000)
})
