/**
 * Export the open postings as a static HTML site and as Hugo content:
 *   npm run export -- [--from data/production.ndjson | --from sanity] [--out dist/site]
 *                     [--hugo-out dist/hugo] [--drafts]
 */
import {Command} from 'commander'

import {openDataset} from '../lib/dataset/open'
import {DEFAULT_DATASET_FILE} from '../lib/dataset/paths'
import {exportSite, type ExportReport} from '../lib/export/exportSite'
import {siteSettingsFromEnv} from '../lib/export/settings'

const DEFAULT_SITE_DIR = 'dist/site'
const DEFAULT_HUGO_DIR = 'dist/hugo'

const program = new Command('export')
  .description('Write the careers pages as HTML and as Hugo markdown.')
  .option(
    '--from <source>',
    'an NDJSON file, or "sanity" for the configured project',
    DEFAULT_DATASET_FILE,
  )
  .option('--out <dir>', 'directory for the HTML site', DEFAULT_SITE_DIR)
  .option(
    '--hugo-out <dir>',
    'directory for the Hugo content (content/career/<slug>.md, the careers page _index.md)',
    DEFAULT_HUGO_DIR,
  )
  .option('--drafts', 'export drafts over published documents, as editors see them', false)
  .action(async (options: {from: string; out: string; hugoOut: string; drafts: boolean}) => {
    const report = await exportSite({
      dataset: await openDataset(options.from),
      settings: siteSettingsFromEnv(process.env),
      siteDir: options.out,
      hugoDir: options.hugoOut,
      drafts: options.drafts,
    })
    printReport(report, options)
    // The rest is written; a skipped posting still fails the command, so CI and HR notice.
    if (report.skipped.length > 0) process.exitCode = 1
  })

function printReport(report: ExportReport, options: {out: string; hugoOut: string}): void {
  for (const posting of report.postings) {
    for (const issue of posting.issues)
      console.warn(`${posting.slug}: ${issue.path}: ${issue.message}`)
  }
  for (const redirect of report.droppedRedirects) {
    console.warn(`${redirect.id ?? 'redirect'}: ${redirect.field}: ${redirect.message}`)
  }
  for (const posting of report.skipped) {
    for (const problem of posting.problems) {
      console.error(
        `Skipped ${posting.id}${posting.slug ? ` (${posting.slug})` : ''}: ${problem.field}: ${problem.message}`,
      )
    }
  }
  const drafts = report.postings.filter((posting) => posting.draft).length
  console.log(
    `Exported ${report.postings.length} postings (${report.perspective}${drafts ? `, ${drafts} drafts` : ''}) ` +
      `from ${report.source}: HTML in ${options.out}, Hugo content in ${options.hugoOut}, ${report.redirects} redirects` +
      (report.skipped.length ? `; ${report.skipped.length} skipped (see above).` : '.'),
  )
}

program.parseAsync().catch((error: unknown) => {
  console.error(`export: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
})
