/** A document as the import writes it: Sanity's shape, with the fields our schema defines. */
export interface ImportedDocument {
  _id: string
  _type: string
  [field: string]: unknown
}

export type IssueSeverity = 'error' | 'warning' | 'info'

/** Something HR or the developer should know about one file, located as precisely as we can. */
export interface ImportIssue {
  severity: IssueSeverity
  file: string
  line?: number
  /** Field path in the produced document, when the issue is about a field (`apply.url`). */
  field?: string
  message: string
}

export interface FileOutcome {
  file: string
  status: 'imported' | 'skipped' | 'failed'
  /** The documents this file produced or shares (teams, contacts, processes). */
  documentIds: string[]
}

export interface ImportReport {
  files: FileOutcome[]
  issues: ImportIssue[]
  /** Documents by `_type`. */
  counts: Record<string, number>
  drafts: number
  failedFiles: number
}

export interface ImportResult {
  documents: ImportedDocument[]
  report: ImportReport
}

export interface ImportProgress {
  file: string
  done: number
  total: number
}

export interface ImportOptions {
  /** Markdown files or directories holding them (searched recursively). */
  paths: string[]
  /** Directory with the website's static files: images found there are uploaded as assets. */
  assetsDir?: string
  onProgress?: (progress: ImportProgress) => void
  /** Run the schema's own validation over the result and report its findings (default true). */
  validate?: boolean
  /** Threads for that validation (see validateDocuments); 1 uses the least memory. */
  validationWorkers?: number
  /**
   * The website's Hugo site: its shortcode templates say which shortcodes exist and which take
   * inner content, exactly as Hugo reads them, and its baseURL completes `ref` links.
   */
  siteDir?: string
  /** Origins application forms may be embedded from; undefined allows any https origin. */
  embedOrigins?: string[]
}

export interface Reference {
  _type: 'reference'
  _ref: string
  _key?: string
}

export function reference(id: string, key?: string): Reference {
  return key === undefined
    ? {_type: 'reference', _ref: id}
    : {_type: 'reference', _ref: id, _key: key}
}
