/**
 * The services `npm start` adds for editing: the local Content Lake over the dataset file, and the
 * Studio (`sanity dev`) pointed at it. With SANITY_STUDIO_PROJECT_ID set the Studio talks to the
 * real Content Lake and the local one is not started.
 */
import {spawn} from 'node:child_process'
import {once} from 'node:events'

import {startContentLake} from '../lib/content-lake/server'
import {DEFAULT_LOCAL_API_PORT, readStudioEnv} from '../lib/env'

const STUDIO_PORT = 3333

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
    port: DEFAULT_LOCAL_API_PORT,
    // The Studio below, by either of the names it prints; no other page may use the lake.
    studioOrigins: [`http://127.0.0.1:${STUDIO_PORT}`, `http://localhost:${STUDIO_PORT}`],
  })
  return {name: 'Local Content Lake', url: lake.url, stop: lake.close}
}

/** Runs `sanity dev` and resolves once it says where the Studio is. */
export async function startStudioDev(): Promise<LocalService> {
  const child = spawn(
    'node_modules/.bin/sanity',
    ['dev', '--port', String(STUDIO_PORT), '--host', '127.0.0.1'],
    {env: {...process.env, SANITY_TELEMETRY_DISABLED: '1'}, stdio: ['ignore', 'pipe', 'inherit']},
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
    url: `http://127.0.0.1:${STUDIO_PORT}/`,
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill()
      await once(child, 'exit')
    },
  }
}
