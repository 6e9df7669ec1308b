import {SingleBar} from 'cli-progress'
import {Command, CommanderError, Option} from 'commander'

import {DEFAULT_DATASET_FILE} from '../dataset/paths'
import {parseEmbedOrigins} from '../model/embeds'
import {DatasetInUseError, replaceDatasetFile} from '../storage'
import {contentLakeTargetFromEnv, pushToContentLake} from './contentLake'
import {collectMarkdownFiles} from './files'
import {importHugoContent, keepPreviousVersions, type ImportedDocument, type ImportReport} from '.'

interface CliOptions {
  out: string
  to: 'file' | 'sanity'
  assets?: string
  site?: string
  embedOrigins?: string
  dryRun?: boolean
  json?: boolean
  batchSize: string
  journal?: string
  validate: boolean
  validationWorkers?: string
}

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Record<string, string | undefined>
  /** Show a progress bar (a terminal is attached). */
  interactive: boolean
}

/**
 * `npm run import -- <dir or files…>`: the command line around importHugoContent. Returns the exit
 * code (1 when any file failed) instead of exiting, so tests run it in-process.
 */
export async function runImportCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode = 0
  const program = new Command()
    .name('npm run import --')
    .description('Import Hugo careers markdown into the Sanity dataset, losing nothing.')
    .argument('<paths...>', 'markdown files or directories (searched recursively)')
    .option('-o, --out <file>', 'NDJSON dataset to write', DEFAULT_DATASET_FILE)
    .addOption(
      new Option('--to <target>', 'where to write').choices(['file', 'sanity']).default('file'),
    )
    .option('--assets <dir>', "the website's static folder: images found there are uploaded")
    .option(
      '--site <dir>',
      "the website's Hugo site: its shortcode templates decide, as for Hugo, which shortcodes exist and which must be closed",
    )
    .option(
      '--embed-origins <origins>',
      'comma-separated origins application forms may be embedded from (default: EMBED_ORIGINS, else any https origin)',
    )
    .option('--dry-run', 'read and report, write nothing')
    .option('--json', 'print the report as JSON (for machines)')
    .option('--batch-size <n>', 'documents per transaction with --to sanity', '50')
    .option('--journal <file>', 'progress file that makes --to sanity resumable')
    .option('--no-validate', "skip the schema's own validation (faster; the report then omits it)")
    .option(
      '--validation-workers <n>',
      'threads for the validation (default: one per core, up to 4; 1 uses the least memory)',
    )
    .exitOverride()
    .configureOutput({writeOut: io.stdout, writeErr: io.stderr})
    .action(async (paths: string[], options: CliOptions) => {
      exitCode = await run(paths, options, io)
    })
  try {
    await program.parseAsync([...argv], {from: 'user'})
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`)
    if (error instanceof DatasetInUseError && error.holder.owner === 'the local Content Lake')
      io.stderr(
        'To import into the running lake instead, use --to sanity with SANITY_API_HOST set to its address.\n',
      )
    return 1
  }
  return exitCode
}

async function run(paths: string[], options: CliOptions, io: CliIo): Promise<number> {
  // A mistyped path or an empty folder must not turn into "the dataset is now empty" (or lose
  // that folder's postings from it): an import that cannot read every path it was given writes
  // nothing.
  const unreadable = collectMarkdownFiles(paths).issues
  if (unreadable.length > 0) {
    for (const issue of unreadable) io.stderr(`error   ${issue.file} ${issue.message}\n`)
    io.stderr('Nothing was written: every path given must be a markdown file or hold some.\n')
    return 1
  }
  const bar =
    io.interactive && !options.json
      ? new SingleBar({format: 'Importing [{bar}] {value}/{total} {file}', hideCursor: true})
      : undefined
  const result = await importHugoContent({
    paths,
    assetsDir: options.assets,
    siteDir: options.site,
    embedOrigins: parseEmbedOrigins(options.embedOrigins ?? io.env.EMBED_ORIGINS),
    validate: options.validate,
    validationWorkers: wholeNumber(options.validationWorkers, '--validation-workers'),
    onProgress: ({file, done, total}) => {
      if (done === 1) bar?.start(total, 0, {file})
      bar?.update(done, {file})
    },
  })
  bar?.stop()
  const {documents, report} = result
  let destination = options.dryRun ? 'nothing (dry run)' : options.out
  if (report.files.every((file) => file.status === 'failed')) {
    io.stdout(
      options.json
        ? `${JSON.stringify({destination: 'nothing', ...report}, null, 2)}\n`
        : summary(report, 'nothing'),
    )
    io.stderr('Nothing was written: no file could be imported.\n')
    return 1
  }
  if (!options.dryRun && options.to === 'file') {
    // A file that failed this time keeps the documents it had in the dataset before.
    await replaceDatasetFile(options.out, (previous) =>
      previous ? keepPreviousVersions(previous as ImportedDocument[], result) : documents,
    )
  }
  if (!options.dryRun && options.to === 'sanity') {
    const target = contentLakeTargetFromEnv(io.env)
    destination = `project ${target.projectId}, dataset ${target.dataset}`
    const pushed = await pushToContentLake(documents, target, {
      batchSize: Number(options.batchSize),
      journalFile:
        options.journal ?? `data/.import-${target.projectId}-${target.dataset}.journal.json`,
      log: (message) => io.stderr(`${message}\n`),
    })
    io.stderr(
      `Wrote ${pushed.committed} documents in ${pushed.batches - pushed.resumed} transactions ` +
        `(${pushed.resumed} already written by an earlier run, ${pushed.retries} retries).\n`,
    )
  }
  io.stdout(
    options.json
      ? `${JSON.stringify({destination, ...report}, null, 2)}\n`
      : summary(report, destination),
  )
  return report.failedFiles > 0 ? 1 : 0
}

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`${flag} takes a whole number of at least 1, not "${value}".`)
  return number
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
