/**
 * Runs the local Content Lake on its own: `npm run lake -- --port 3900 --file data/production.ndjson`.
 * The Studio talks to it when no SANITY_STUDIO_PROJECT_ID is set. `--compact` folds the
 * transaction log a killed lake left behind into the NDJSON file and exits.
 */
import {Command, InvalidArgumentError} from 'commander'

import {DEFAULT_STUDIO_ORIGINS, startContentLake} from '../lib/content-lake/server'
import {DEFAULT_DATASET_FILE} from '../lib/dataset/paths'
import {DEFAULT_DATASET, DEFAULT_LOCAL_API_PORT, LOCAL_PROJECT_ID} from '../lib/env'
import {compactDatasetSync, lockDataset} from '../lib/storage'

function wholeNumber(minimum: number, maximum: number, what: string) {
  return (value: string): number => {
    const number = Number(value)
    if (!Number.isInteger(number) || number < minimum || number > maximum) {
      throw new InvalidArgumentError(`Give ${what} between ${minimum} and ${maximum}.`)
    }
    return number
  }
}

const collect = (value: string, previous: string[] = []) => [...previous, value]

const program = new Command('lake')
  .description(
    'Serve the local dataset file over the Content Lake HTTP API, for the Studio and tests.',
  )
  .option('--file <path>', 'NDJSON dataset file', DEFAULT_DATASET_FILE)
  .option(
    '--port <number>',
    'port to listen on',
    wholeNumber(0, 65535, 'a port number'),
    DEFAULT_LOCAL_API_PORT,
  )
  .option('--host <address>', 'address to listen on', '127.0.0.1')
  .option('--allow-non-loopback', 'listen beyond this machine (there is no authentication)', false)
  .option(
    '--studio-origin <origin>',
    `a Studio origin allowed to use the API from a browser (repeatable; default ${DEFAULT_STUDIO_ORIGINS.join(' and ')})`,
    collect,
  )
  .option('--allowed-host <name>', 'a host name to answer besides localhost (repeatable)', collect)
  .option(
    '--query-timeout <ms>',
    'stop a query after this long',
    wholeNumber(100, 600_000, 'milliseconds'),
  )
  .option('--query-threads <n>', 'threads that answer queries', wholeNumber(1, 16, 'a number'))
  .option(
    '--compact-after <bytes>',
    'fold the transaction log into the NDJSON file once it holds this many bytes',
    wholeNumber(1024, 2 ** 40, 'a number of bytes'),
  )
  .option('--compact', 'fold the transaction log into the NDJSON file, then exit', false)
  .parse()

const options = program.opts<{
  file: string
  port: number
  host: string
  allowNonLoopback: boolean
  studioOrigin?: string[]
  allowedHost?: string[]
  queryTimeout?: number
  queryThreads?: number
  compactAfter?: number
  compact: boolean
}>()

try {
  if (options.compact) {
    const release = lockDataset(options.file, 'a compaction')
    try {
      const {transactions} = compactDatasetSync(options.file)
      console.log(`Folded ${transactions} logged transactions into ${options.file}.`)
    } finally {
      release()
    }
  } else {
    const lake = await startContentLake({
      datasetFile: options.file,
      projectId: LOCAL_PROJECT_ID,
      dataset: DEFAULT_DATASET,
      host: options.host,
      port: options.port,
      allowNonLoopback: options.allowNonLoopback,
      studioOrigins: options.studioOrigin,
      allowedHosts: options.allowedHost,
      queryTimeoutMs: options.queryTimeout,
      queryThreads: options.queryThreads,
      compactAfterBytes: options.compactAfter,
    })
    console.log(
      `Local Content Lake for ${options.file} at ${lake.url} (project "${LOCAL_PROJECT_ID}")`,
    )
    const stop = () => void lake.close().then(() => process.exit(0))
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  }
} catch (error) {
  console.error((error as Error).message)
  process.exitCode = 1
}
