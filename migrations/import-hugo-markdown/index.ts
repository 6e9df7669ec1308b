import path from 'node:path'

import {createOrReplace, defineMigration} from 'sanity/migrate'

import {importHugoContent, type ImportedDocument} from '../../lib/import'
import {changedDocuments, hugoContentDirs} from '../../lib/import/migration'

/**
 * `HUGO_CONTENT_DIR=<site>/content sanity migration run import-hugo-markdown`
 *
 * The same import as `npm run import -- --to sanity`, as a migration: dry run by default, and only
 * documents that differ from the dataset are written. Images keep their old paths here (the
 * migration runner cannot upload files); use the import command with --assets to upload them.
 */
export default defineMigration({
  title: 'Import the Hugo careers markdown',
  documentTypes: ['posting', 'careersPage', 'team', 'contact', 'recruitmentProcess'],
  async *migrate(documents) {
    const {documents: imported, report} = await importHugoContent({
      paths: hugoContentDirs(process.env, path.delimiter),
      validate: false,
    })
    for (const issue of report.issues.filter((candidate) => candidate.severity !== 'info')) {
      console.warn(
        `${issue.severity} ${issue.file}${issue.line ? `:${issue.line}` : ''} ${issue.message}`,
      )
    }
    const stored = new Map<string, Record<string, unknown>>()
    for await (const document of documents()) stored.set(document._id, document)
    for (const document of changedDocuments(imported, stored)) {
      yield createOrReplace(document as ImportedDocument & {_type: string})
    }
  },
})
