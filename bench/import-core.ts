/**
 * The import without Sanity's schema validation, for the benchmark's breakdown of where the
 * import's time goes: `tsx bench/import-core.ts <content dir> <dataset.ndjson>`. Same public API
 * and output as `npm run import`, with `validate: false` (which does not load `sanity`).
 */
import {importHugoContent, writeNdjsonAtomic} from '../lib/import'

const [contentDir, datasetFile] = process.argv.slice(2)
if (!contentDir || !datasetFile)
  throw new Error('Usage: import-core.ts <content dir> <dataset.ndjson>')
const {documents, report} = await importHugoContent({paths: [contentDir], validate: false})
if (report.failedFiles > 0) throw new Error(`${report.failedFiles} files failed to import.`)
writeNdjsonAtomic(datasetFile, documents)
process.stdout.write(`${JSON.stringify({documents: documents.length})}\n`)
