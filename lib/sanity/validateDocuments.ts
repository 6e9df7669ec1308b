import {
  validateDocumentWithWorkspace,
  type DocumentValidationMarker,
  type ValidationClient,
} from '@sanity/validation'
import {getFallbackLocaleSource} from '@sanity/validation/_internal'
import {evaluate, parse} from 'groq-js'
import {from} from 'rxjs'
import {createSchema, type SanityClient, type SanityDocument} from 'sanity'

import {schemaTypes} from '../../schemas'
import {createQueryIndex} from '../dataset/queryIndex'

/**
 * Sanity's own document validation, run outside the Studio over a set of documents (an import, a
 * local dataset, a test fixture). The rules are the schema's: nothing here re-implements them.
 *
 * Validators that query the dataset (slug uniqueness, reference existence) are answered from the
 * same set of documents through groq-js, as the Content Lake would answer them.
 *
 * We validate as the Studio does (`environment: 'studio'`). The CLI mode of @sanity/validation 6.16
 * appends an unknown-fields check with `.warning()` to every object-typed field's rule, which
 * turns that field's errors (a missing slug, an unsafe apply link) into warnings; HR's Studio
 * would still block publishing on them, so the Studio's verdict is the one to report.
 */
export interface DocumentProblem {
  documentId: string
  documentType: string
  level: 'error' | 'warning' | 'info'
  /** Field path as editors read it, e.g. `apply.url` or `body[3].label`. */
  path: string
  message: string
}

const schema = createSchema({name: 'careers', types: schemaTypes})

export async function validateDocuments(
  documents: readonly SanityDocument[],
): Promise<DocumentProblem[]> {
  const client = createDatasetClient(documents)
  const workspace = {
    schema,
    i18n: getFallbackLocaleSource(),
    getClient: () => client as unknown as SanityClient,
  }
  const ids = new Set(documents.map((document) => document._id))
  const problemsByDocument: DocumentProblem[][] = []
  // Validation yields to a zero-delay timer between steps (its requestIdleCallback shim), which
  // leaves the CPU idle when documents go one at a time; a few in flight keep it busy.
  let next = 0
  const worker = async () => {
    for (let index = next++; index < documents.length; index = next++) {
      const document = documents[index] as SanityDocument
      const markers = await validateDocumentWithWorkspace({
        document,
        workspace,
        environment: 'studio',
        getDocumentExists: async ({id}) => ids.has(id),
      })
      problemsByDocument[index] = markers.map((marker) => toProblem(document, marker))
    }
  }
  await Promise.all(Array.from({length: CONCURRENT_VALIDATIONS}, worker))
  return problemsByDocument.flat()
}

const CONCURRENT_VALIDATIONS = 4

function toProblem(document: SanityDocument, marker: DocumentValidationMarker): DocumentProblem {
  return {
    documentId: document._id,
    documentType: document._type,
    level: marker.level,
    path: formatPath(marker.path),
    message: marker.message,
  }
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

/** Just enough of a Sanity client for validators: GROQ over the given documents. */
function createDatasetClient(documents: readonly SanityDocument[]): ValidationClient {
  // Slug-uniqueness validators query once per document: indexed, they stay linear in the import.
  const index = createQueryIndex(documents)
  const byId = new Map(documents.map((document) => [document._id, document]))
  const fetch = async (query: string, params: Record<string, unknown> = {}) => {
    const tree = parse(query, {params})
    const result = await evaluate(tree, {
      dataset: index.candidates(tree, params),
      params,
      dereference: ({_ref}) => byId.get(_ref) ?? null,
    })
    return result.get()
  }
  const client = {
    fetch,
    getDataUrl: (operation: string, path?: string) =>
      `/data/${operation}/local${path ? `/${path}` : ''}`,
    observable: {
      fetch: (query: string, params?: Record<string, unknown>) => from(fetch(query, params)),
      request: () => {
        throw new Error('The local validation client only answers GROQ queries.')
      },
    },
    withConfig: () => client,
  }
  return client as unknown as ValidationClient
}
