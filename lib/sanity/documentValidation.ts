import {
  validateDocumentWithWorkspace,
  type DocumentValidationMarker,
  type ValidationClient,
} from '@sanity/validation'
import {getFallbackLocaleSource} from '@sanity/validation/_internal'
import {from} from 'rxjs'
import {createSchema, type SanityClient, type SanityDocument} from 'sanity'

import {schemaTypes} from '../../schemas'
import type {DatasetQuery} from './datasetQuery'

/** One validation finding, located for editors. */
export interface DocumentProblem {
  documentId: string
  documentType: string
  level: 'error' | 'warning' | 'info'
  /** Field path as editors read it, e.g. `apply.url` or `body[3].label`. */
  path: string
  message: string
}

/** Where validators look beyond the document itself. */
export interface ValidationDataset {
  query: DatasetQuery
  documentExists: (id: string) => Promise<boolean>
}

const schema = createSchema({name: 'careers', types: schemaTypes})

// Validation yields to a zero-delay timer between steps (its requestIdleCallback shim), which
// leaves the CPU idle when documents go one at a time; a few in flight keep it busy.
const CONCURRENT_VALIDATIONS = 4

/**
 * Validate documents with Sanity's own validator, as the Studio does (`environment: 'studio'`).
 * The CLI mode of @sanity/validation 6.16 appends an unknown-fields check with `.warning()` to
 * every object-typed field's rule, which turns that field's errors (a missing slug, an unsafe
 * apply link) into warnings; HR's Studio would still block publishing on them, so the Studio's
 * verdict is the one to report. Problems come back in the order of the documents, each
 * document's by field path and message.
 */
export async function validateWithSchema(
  documents: readonly SanityDocument[],
  dataset: ValidationDataset,
): Promise<DocumentProblem[]> {
  const workspace = {
    schema,
    i18n: getFallbackLocaleSource(),
    getClient: () => createClient(dataset.query) as unknown as SanityClient,
  }
  const problemsByDocument: DocumentProblem[][] = []
  let next = 0
  const validateNext = async () => {
    for (let index = next++; index < documents.length; index = next++) {
      const document = documents[index] as SanityDocument
      const markers = await validateDocumentWithWorkspace({
        document,
        workspace,
        environment: 'studio',
        getDocumentExists: ({id}) => dataset.documentExists(id),
      })
      // Markers arrive in the order their (asynchronous) checks finish: sorted, reports repeat.
      problemsByDocument[index] = markers
        .map((marker) => toProblem(document, marker))
        .sort(compareProblems)
    }
  }
  await Promise.all(Array.from({length: CONCURRENT_VALIDATIONS}, validateNext))
  return problemsByDocument.flat()
}

function toProblem(document: SanityDocument, marker: DocumentValidationMarker): DocumentProblem {
  return {
    documentId: document._id,
    documentType: document._type,
    level: marker.level,
    path: formatPath(marker.path),
    message: marker.message,
  }
}

function compareProblems(a: DocumentProblem, b: DocumentProblem): number {
  return (
    a.path.localeCompare(b.path) ||
    a.level.localeCompare(b.level) ||
    a.message.localeCompare(b.message)
  )
}

function formatPath(path: DocumentValidationMarker['path']): string {
  return path
    .map((segment, index) => {
      if (typeof segment === 'string') return index === 0 ? segment : `.${segment}`
      if (typeof segment === 'number') return `[${segment}]`
      if (segment && typeof segment === 'object' && '_key' in segment)
        return `[_key=="${segment._key}"]`
      return `[${JSON.stringify(segment)}]`
    })
    .join('')
}

/** Just enough of a Sanity client for validators: GROQ over the dataset. */
function createClient(query: DatasetQuery): ValidationClient {
  const client = {
    fetch: query,
    getDataUrl: (operation: string, path?: string) =>
      `/data/${operation}/local${path ? `/${path}` : ''}`,
    observable: {
      fetch: (text: string, params?: Record<string, unknown>) => from(query(text, params)),
      request: () => {
        throw new Error('The local validation client only answers GROQ queries.')
      },
    },
    withConfig: () => client,
  }
  return client as unknown as ValidationClient
}
