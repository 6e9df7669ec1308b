/** One failed mutation or action of a transaction, as the Content Lake lists them. */
export interface ErrorItem {
  error: {type: string; description: string; id?: string}
  index: number
}

/**
 * An error the HTTP API answers with its status code and the Content Lake's error body
 * (`{error: {type, description, items?}}`), which @sanity/client turns into a readable message.
 * Messages never carry a file system path: they go to whoever sent the request.
 */
export class ContentLakeError extends Error {
  constructor(
    readonly statusCode: number,
    readonly type: string,
    message: string,
    readonly items?: ErrorItem[],
  ) {
    super(message)
    this.name = 'ContentLakeError'
  }

  toBody() {
    return {
      error: {
        type: this.type,
        description: this.message,
        ...(this.items ? {items: this.items} : {}),
      },
      message: this.message,
    }
  }
}

export interface MutationFailure {
  /** Position of the failing mutation (or action) in the request, from 0. */
  index: number
  /** The item's error type, e.g. `documentAlreadyExistsError`. */
  type: string
  description: string
  /** The document the mutation was about. */
  id?: string
  /** 409 for a conflict with what is stored, 400 for a mutation that can never succeed. */
  statusCode?: number
}

/**
 * A transaction that failed on one of its mutations: the body the real API sends,
 * `{type: 'mutationError', description: 'Mutation(s) failed with 1 error(s)', items: [...]}`.
 */
export function mutationFailed(failure: MutationFailure, kind: 'mutation' | 'action' = 'mutation') {
  return new ContentLakeError(
    failure.statusCode ?? 409,
    kind === 'mutation' ? 'mutationError' : 'actionError',
    `${kind === 'mutation' ? 'Mutation' : 'Action'}(s) failed with 1 error(s)`,
    [
      {
        error: {
          type: failure.type,
          description: failure.description,
          ...(failure.id === undefined ? {} : {id: failure.id}),
        },
        index: failure.index,
      },
    ],
  )
}

export function badRequest(message: string): ContentLakeError {
  return new ContentLakeError(400, 'validationError', message)
}

/** What a 500 says: the details (which may name files) stay in the server's own log. */
export function serverFailure(): ContentLakeError {
  return new ContentLakeError(
    500,
    'serverError',
    'The local Content Lake failed on this request; the details are in its own output.',
  )
}
