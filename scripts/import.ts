/**
 * Import the website's Hugo careers pages: `npm run import -- <dir or files…>`.
 * Writes the local NDJSON dataset by default, or a Content Lake with `--to sanity`.
 */
import {Command, Option} from 'commander'
import {SingleBar} from 'cli-progress'

import {DEFAULT_DATASET_FILE} from '../lib/dataset/paths'
import {contentLakeTargetFromEnv, pushToContentLake} from '../lib/import/contentLake'
import {
  importHugoContent,
  keepPreviousVersions,
  readNdjson,
  writeNdjsonAtomic,
  type ImportReport,
} from '../lib/import'
import {existsSync} from 'node:fs'

interface CliOptions {
  out: string
  to: 'file' | 'sanity'
  assets?: string
  dryRun?: boolean
  json?: boolean
  batchSize: string
  journal?: string
}

const program = new Command()
  .name('npm run import --')
  .description('Import Hugo careers markdown into the Sanity dataset, losing nothing.')
  .argument('<paths...>', 'markdown files or directories (searched recursively)')
  .option('-o, --out <file>', 'NDJSON dataset to write', DEFAULT_DATASET_FILE)
  .addOption(
    new Option('--to <target>', 'where to write').choices(['file', 'sanity']).default('file'),
  )
  .option('--assets <dir>', "the website's static folder: images found there are uploaded")
  .option('--dry-run', 'read and report, write nothing')
  .option('--json', 'print the report as JSON (for machines)')
  .option('--batch-size <n>', 'documents per transaction with --to sanity', '50')
  .option('--journal <file>', 'progress file that makes --to sanity resumable')
  .action(run)

async function run(paths: string[], options: CliOptions) {
  const bar =
    process.stderr.isTTY && !options.json
      ? new SingleBar({format: 'Importing [{bar}] {value}/{total} {file}', hideCursor: true})
      : undefined
  const result = await importHugoContent({
    paths,
    assetsDir: options.assets,
    onProgress: ({file, done, total}) => {
      if (done === 1) bar?.start(total, 0, {file})
      bar?.update(done, {file})
    },
  })
  bar?.stop()
  let {documents} = result
  const {report} = result
  let destination = options.dryRun ? 'nothing (dry run)' : options.out
  if (!options.dryRun && options.to === 'file') {
    // A file that failed this time keeps the documents it had in the dataset before.
    if (existsSync(options.out)) documents = keepPreviousVersions(readNdjson(options.out), result)
    writeNdjsonAtomic(options.out, documents)
  }
  if (!options.dryRun && options.to === 'sanity') {
    const target = contentLakeTargetFromEnv(process.env)
    destination = `project ${target.projectId}, dataset ${target.dataset}`
    const pushed = await pushToContentLake(documents, target, {
      batchSize: Number(options.batchSize),
      journalFile:
        options.journal ?? `data/.import-${target.projectId}-${target.dataset}.journal.json`,
      log: (message) => process.stderr.write(`${message}\n`),
    })
    process.stderr.write(
      `Wrote ${pushed.committed} documents in ${pushed.batches - pushed.resumed} transactions (${pushed.resumed} already done earlier, ${pushed.retries} retries).\n`,
    )
  }
  if (options.json) process.stdout.write(`${JSON.stringify({destination, ...report}, null, 2)}\n`)
  else process.stdout.write(summary(report, destination))
  process.exitCode = report.failedFiles > 0 ? 1 : 0
}

function summary(report: ImportReport, destination: string): string {
  const lines: string[] = []
  for (const issue of report.issues) {
    const where = `${issue.file}${issue.line ? `:${issue.line}` : ''}`
    lines.push(
      `${issue.severity.padEnd(7)} ${where}${issue.field ? ` [${issue.field}]` : ''} ${issue.message}`,
    )
  }
  const count = (severity: string) =>
    report.issues.filter((issue) => issue.severity === severity).length
  const byType = Object.entries(report.counts)
    .map(([type, n]) => `${n} ${type}`)
    .join(', ')
  lines.push(
    '',
    `Files: ${report.files.length} read, ${report.failedFiles} failed.`,
    `Documents: ${byType || 'none'}; ${report.drafts} drafts.`,
    `Warnings: ${count('warning')}, errors: ${count('error')}. Written to ${destination}.`,
  )
  return `${lines.join('\n')}\n`
}

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
})
