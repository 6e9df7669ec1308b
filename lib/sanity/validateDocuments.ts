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
  const problems: DocumentProblem[] = []
  for (const document of documents) {
    const markers = await validateDocumentWithWorkspace({
      document,
      workspace,
      environment: 'studio',
      getDocumentExists: async ({id}) => ids.has(id),
    })
    for (const marker of markers) problems.push(toProblem(document, marker))
  }
  return problems
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
  const fetch = async (query: string, params?: Record<string, unknown>) => {
    const result = await evaluate(parse(query, {params}), {dataset: documents, params})
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
