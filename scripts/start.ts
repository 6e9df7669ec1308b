/**
 * `npm start`: the whole careers site on this machine, no Sanity account needed.
 * 1. If there is no local dataset yet, import the example postings (examples/content) into it.
 * 2. Export the site from the dataset.
 * 3. Start the services below together, print where they are, stop them together on Ctrl-C.
 * More services (the local Content Lake, the Studio) join by adding an entry to `services`.
 */
import {existsSync} from 'node:fs'

import {DEFAULT_DATASET_FILE} from '../lib/dataset/paths'
import {openDatasetFile} from '../lib/dataset/file'
import {exportSite} from '../lib/export/exportSite'
import {siteSettingsFromEnv} from '../lib/export/settings'
import {serveDirectory} from '../lib/export/staticServer'
import {importHugoContent} from '../lib/import'
import {datasetExists, replaceDatasetFile} from '../lib/storage'
import {startLocalContentLake, startStudioDev, usesLocalContentLake} from './local-studio'

const EXAMPLE_CONTENT_DIR = 'examples/content'
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
      const server = await serveDirectory(SITE_DIR, {port: readPort(process.env.PORT)})
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

  const running: RunningService[] = []
  const stopAll = async () => {
    for (const service of running.reverse()) await service.stop()
  }
  try {
    for (const service of services) running.push(await service.start())
  } catch (error) {
    await stopAll()
    throw error
  }
  for (const service of running) console.log(`${service.name}: ${service.url}`)
  console.log('Press Ctrl-C to stop.')
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stopAll().then(() => process.exit(0)))
  }
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

function readPort(value: string | undefined): number {
  if (!value) return 0
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `PORT "${value}" is not a port number: use a number from 1 to 65535, or leave it unset.`,
    )
  }
  return port
}

main().catch((error: unknown) => {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
