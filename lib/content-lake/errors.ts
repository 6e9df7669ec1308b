/**
 * An error the HTTP API answers with its status code and the Content Lake's error body
 * (`{error: {type, description}}`), which @sanity/client turns into a readable message.
 */
export class ContentLakeError extends Error {
  constructor(
    readonly statusCode: number,
    readonly type: string,
    message: string,
  ) {
    super(message)
    this.name = 'ContentLakeError'
  }

  toBody() {
    return {error: {type: this.type, description: this.message}, message: this.message}
  }
}

export function mutationError(message: string, statusCode = 409): ContentLakeError {
  return new ContentLakeError(statusCode, 'mutationError', message)
}

export function badRequest(message: string): ContentLakeError {
  return new ContentLakeError(400, 'validationError', message)
}
