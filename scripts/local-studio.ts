/**
 * The services `npm start` adds for editing: the local Content Lake over the dataset file, and the
 * Studio (`sanity dev`) pointed at it. With SANITY_STUDIO_PROJECT_ID set the Studio talks to the
 * real Content Lake and the local one is not started.
 */
import {spawn} from 'node:child_process'
import {once} from 'node:events'

import {startContentLake} from '../lib/content-lake/server'
import {DEFAULT_LOCAL_API_PORT, readStudioEnv} from '../lib/env'

/** `sanity dev`'s own default port. */
const DEFAULT_STUDIO_PORT = 3333

/** A port from the environment, or the documented default. */
export function portFromEnv(name: string, fallback: number): number {
  const value = process.env[name]
  if (!value) return fallback
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name} "${value}" is not a port number: use a number from 1 to 65535.`)
  }
  return port
}

const lakePort = () => portFromEnv('CONTENT_LAKE_PORT', DEFAULT_LOCAL_API_PORT)
const studioPort = () => portFromEnv('STUDIO_PORT', DEFAULT_STUDIO_PORT)

export interface LocalService {
  name: string
  url: string
  stop(): Promise<void>
}

export function usesLocalContentLake(): boolean {
  return readStudioEnv(process.env).isLocalDefault
}

export async function startLocalContentLake(datasetFile: string): Promise<LocalService> {
  const {projectId, dataset} = readStudioEnv(process.env)
  const lake = await startContentLake({
    datasetFile,
    projectId,
    dataset,
    port: lakePort(),
    // The Studio below, by either of the names it prints; no other page may use the lake.
    studioOrigins: [`http://127.0.0.1:${studioPort()}`, `http://localhost:${studioPort()}`],
  })
  return {name: 'Local Content Lake', url: lake.url, stop: lake.close}
}

/** Runs `sanity dev` and resolves once it says where the Studio is. */
export async function startStudioDev(): Promise<LocalService> {
  const port = studioPort()
  // The Studio finds the local Content Lake on its port (lib/env.ts), wherever it was moved.
  const apiHost = usesLocalContentLake()
    ? {
        SANITY_STUDIO_API_HOST:
          process.env.SANITY_STUDIO_API_HOST ?? `http://localhost:${lakePort()}`,
      }
    : {}
  const child = spawn(
    'node_modules/.bin/sanity',
    ['dev', '--port', String(port), '--host', '127.0.0.1'],
    {
      env: {...process.env, ...apiHost, SANITY_TELEMETRY_DISABLED: '1'},
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  await new Promise<void>((resolve, reject) => {
    let output = ''
    // The output keeps flowing after the Studio is up: closing the pipe would break sanity dev.
    child.stdout.on('data', (chunk) => {
      output += String(chunk)
      if (/running at/i.test(output)) resolve()
    })
    child.once('exit', (code) =>
      reject(new Error(`sanity dev stopped (${code}) before it started:\n${output}`)),
    )
  })
  return {
    name: 'Studio',
    url: `http://127.0.0.1:${port}/`,
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill()
      await once(child, 'exit')
    },
  }
}
