/**
 * `npm start`: the whole careers site on this machine, no Sanity account needed.
 * 1. If there is no local dataset yet, import the example postings (examples/content) into it.
 * 2. Export the site from the dataset.
 * 3. Start the services below together, print each address once it answers, stop them
 *    together on Ctrl-C. Ports stay the same from run to run (README, "The local default").
 */
import {existsSync} from 'node:fs'

import {DEFAULT_DATASET_FILE} from '../lib/dataset/paths'
import {openDatasetFile} from '../lib/dataset/file'
import {exportSite} from '../lib/export/exportSite'
import {siteSettingsFromEnv} from '../lib/export/settings'
import {serveDirectory} from '../lib/export/staticServer'
import {importHugoContent} from '../lib/import'
import {datasetExists, replaceDatasetFile} from '../lib/storage'
import {
  portFromEnv,
  startLocalContentLake,
  startStudioDev,
  usesLocalContentLake,
} from './local-studio'

const EXAMPLE_CONTENT_DIR = 'examples/content'
/** The careers site's port unless PORT says otherwise (0 picks a free one). */
const DEFAULT_SITE_PORT = 3000
/** How long a service may take to answer its first request: `sanity dev` compiles first. */
const ANSWER_TIMEOUT_MS = 120_000
const SITE_DIR = 'dist/site'
const HUGO_DIR = 'dist/hugo'

interface RunningService {
  name: string
  url: string
  stop(): Promise<void>
}

interface Service {
  name: string
  start(): Promise<RunningService>
}

const services: Service[] = [
  {
    name: 'Careers site',
    async start() {
      const port = portFromEnv('PORT', DEFAULT_SITE_PORT)
      const server = await serveDirectory(SITE_DIR, {port}).catch((error: unknown) => {
        throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
          ? new Error(`Port ${port} is in use: stop what runs there, or set PORT=<another port>.`)
          : error
      })
      return {name: this.name, url: `${server.url}career/`, stop: server.close}
    },
  },
  ...(usesLocalContentLake()
    ? [
        {
          name: 'Local Content Lake',
          start: () => startLocalContentLake(process.env.DATASET_FILE ?? DEFAULT_DATASET_FILE),
        },
      ]
    : []),
  {name: 'Studio', start: startStudioDev},
]

async function main(): Promise<void> {
  const datasetFile = process.env.DATASET_FILE ?? DEFAULT_DATASET_FILE
  if (!datasetExists(datasetFile)) await importExamples(datasetFile)

  const report = await exportSite({
    dataset: openDatasetFile(datasetFile),
    // Links in feeds and sitemaps point at the public site; the pages themselves use site paths.
    settings: siteSettingsFromEnv(process.env),
    siteDir: SITE_DIR,
    hugoDir: HUGO_DIR,
  })
  console.log(
    `Exported ${report.postings.length} open postings from ${report.source} to ${SITE_DIR}.`,
  )
  // npm start keeps serving the rest: the skipped postings are said, not fatal, while HR fixes them.
  for (const posting of report.skipped) {
    for (const problem of posting.problems) {
      console.warn(`Skipped ${posting.id}: ${problem.field}: ${problem.message}`)
    }
  }

  const running: RunningService[] = []
  let starting: Promise<RunningService> | undefined
  let stopping: Promise<void> | undefined
  // Ctrl-C or a SIGTERM at any moment, start-up included, stops what runs and what is still
  // starting: a service left behind keeps its port, and the next `npm start` cannot have it.
  const stopAll = () =>
    (stopping ??= (async () => {
      const inFlight = await starting?.catch(() => undefined)
      const all = inFlight && !running.includes(inFlight) ? [...running, inFlight] : running
      for (const service of [...all].reverse()) await service.stop()
    })())
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopAll().then(() => process.exit(0)))
  }
  try {
    for (const service of services) {
      starting = service.start()
      const started = await starting
      if (stopping) return
      running.push(started)
    }
  } catch (error) {
    await stopAll()
    throw error
  }
  // An address is printed once it answers: `sanity dev` says where it runs before it can serve.
  for (const service of running) {
    await waitUntilAnswers(service.url)
    console.log(`${service.name}: ${service.url}`)
  }
  console.log('Press Ctrl-C to stop.')
}

async function importExamples(datasetFile: string): Promise<void> {
  if (!existsSync(EXAMPLE_CONTENT_DIR)) {
    throw new Error(
      `No dataset at ${datasetFile} and no example content in ${EXAMPLE_CONTENT_DIR} to import.`,
    )
  }
  const {documents, report} = await importHugoContent({paths: [EXAMPLE_CONTENT_DIR]})
  if (report.failedFiles > 0) {
    for (const issue of report.issues.filter((found) => found.severity === 'error')) {
      console.error(`${issue.file}${issue.line ? `:${issue.line}` : ''}: ${issue.message}`)
    }
    throw new Error(
      `${report.failedFiles} example file(s) could not be imported; nothing was written.`,
    )
  }
  await replaceDatasetFile(datasetFile, () => documents, 'npm start')
  console.log(
    `Imported ${documents.length} documents from ${EXAMPLE_CONTENT_DIR} into ${datasetFile}.`,
  )
}

/** Resolves once `url` answers an HTTP request (any status), polling until the timeout. */
async function waitUntilAnswers(url: string): Promise<void> {
  const deadline = Date.now() + ANSWER_TIMEOUT_MS
  for (;;) {
    try {
      await (await fetch(url, {signal: AbortSignal.timeout(5_000)})).arrayBuffer()
      return
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`${url} did not answer within ${ANSWER_TIMEOUT_MS / 1000} s`, {
          cause: error,
        })
      }
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
}

main().catch((error: unknown) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
