/**
 * Runs the local Content Lake on its own: `npm run lake -- --port 3900 --file data/production.ndjson`.
 * The Studio talks to it when no SANITY_STUDIO_PROJECT_ID is set.
 */
import {Command, InvalidArgumentError} from 'commander'

import {startContentLake} from '../lib/content-lake/server'
import {DEFAULT_DATASET_FILE} from '../lib/dataset/paths'
import {DEFAULT_DATASET, DEFAULT_LOCAL_API_PORT, LOCAL_PROJECT_ID} from '../lib/env'

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('Give a port number between 0 and 65535.')
  }
  return port
}

const program = new Command('lake')
  .description(
    'Serve the local dataset file over the Content Lake HTTP API, for the Studio and tests.',
  )
  .option('--file <path>', 'NDJSON dataset file', DEFAULT_DATASET_FILE)
  .option('--port <number>', 'port to listen on', parsePort, DEFAULT_LOCAL_API_PORT)
  .option('--host <address>', 'address to listen on', '127.0.0.1')
  .option('--allow-non-loopback', 'listen beyond this machine (there is no authentication)', false)
  .parse()

const options = program.opts<{
  file: string
  port: number
  host: string
  allowNonLoopback: boolean
}>()

try {
  const lake = await startContentLake({
    datasetFile: options.file,
    projectId: LOCAL_PROJECT_ID,
    dataset: DEFAULT_DATASET,
    host: options.host,
    port: options.port,
    allowNonLoopback: options.allowNonLoopback,
  })
  console.log(
    `Local Content Lake for ${options.file} at ${lake.url} (project "${LOCAL_PROJECT_ID}")`,
  )
  const stop = () => void lake.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (error) {
  console.error((error as Error).message)
  process.exitCode = 1
}
