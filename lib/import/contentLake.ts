import {createReadStream, existsSync, readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

import {createClient, type SanityClient} from '@sanity/client'

import {SANITY_API_VERSION} from '../apiVersion'
import {hash} from './keys'
import {writeJsonAtomic} from './ndjson'
import type {ImportedDocument} from './types'

export interface ContentLakeTarget {
  projectId: string
  dataset: string
  token: string
  /** Another API host, e.g. a local server in tests (`http://127.0.0.1:4000`). */
  apiHost?: string
}

export interface PushOptions {
  /** Documents per transaction. */
  batchSize?: number
  /** Attempts per request before giving up. */
  maxAttempts?: number
  /** First back-off delay; it doubles with each retry. */
  baseDelayMs?: number
  /** A request that takes longer is abandoned and checked, then retried. */
  timeoutMs?: number
  /** Where committed transactions are remembered, so an interrupted run resumes where it stopped. */
  journalFile?: string
  onBatch?: (progress: {done: number; total: number; skipped: boolean}) => void
  /** Messages for the user; never given the token. */
  log?: (message: string) => void
  sleep?: (ms: number) => Promise<void>
}

export interface PushResult {
  batches: number
  committed: number
  /** Batches found in the journal from an earlier run and not sent again. */
  resumed: number
  retries: number
}

/** Read the Content Lake settings from the environment, naming what is missing. */
export function contentLakeTargetFromEnv(
  env: Record<string, string | undefined>,
): ContentLakeTarget {
  const missing = ['SANITY_PROJECT_ID', 'SANITY_DATASET', 'SANITY_API_TOKEN'].filter(
    (name) => !env[name]?.trim(),
  )
  if (missing.length > 0) {
    throw new Error(
      `--to sanity needs ${missing.join(', ')} in the environment (a token with write access).`,
    )
  }
  return {
    projectId: (env.SANITY_PROJECT_ID as string).trim(),
    dataset: (env.SANITY_DATASET as string).trim(),
    token: (env.SANITY_API_TOKEN as string).trim(),
    apiHost: env.SANITY_API_HOST?.trim() || undefined,
  }
}

/**
 * Write documents to a Content Lake in batched transactions, each document exactly once.
 *
 * @sanity/client retries only safe requests (GET, queries), never mutations, so the retry loop is
 * ours: 429 and 5xx answers and dropped or slow connections are retried with exponential back-off
 * (honouring Retry-After). Before resending after an answer that never came, we ask whether the
 * transaction landed: a document's `_rev` is the id of the transaction that last wrote it, and we
 * choose that id (a hash of the batch), so the check is exact. The journal makes runs resumable.
 */
export async function pushToContentLake(
  documents: readonly ImportedDocument[],
  target: ContentLakeTarget,
  options: PushOptions = {},
): Promise<PushResult> {
  const batchSize = options.batchSize ?? 50
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)))
  const client = createClient({
    projectId: target.projectId,
    dataset: target.dataset,
    token: target.token,
    apiVersion: SANITY_API_VERSION,
    useCdn: false,
    maxRetries: 0,
    timeout: options.timeoutMs ?? 30_000,
    ...(target.apiHost ? {apiHost: target.apiHost, useProjectHostname: false} : {}),
  })
  const journal = readJournal(options.journalFile)
  const result: PushResult = {batches: 0, committed: 0, resumed: 0, retries: 0}
  const withRetry = retrying(options, sleep, () => result.retries++)
  const uploaded = await uploadAssets(documents, client, withRetry)
  const batches = chunk(uploaded, batchSize)
  for (const [index, batch] of batches.entries()) {
    const transactionId = `hugo-import-${hash(JSON.stringify(batch), 24)}`
    result.batches++
    if (journal.has(transactionId)) {
      result.resumed++
      options.onBatch?.({done: index + 1, total: batches.length, skipped: true})
      continue
    }
    await withRetry(
      async () => {
        const transaction = client.transaction()
        for (const document of batch)
          transaction.createOrReplace(document as ImportedDocument & {_id: string})
        await transaction.commit({transactionId, returnDocuments: false, visibility: 'sync'})
      },
      // The answer was lost: the transaction may have been applied all the same.
      async () => landed(client, batch, transactionId),
    )
    result.committed += batch.length
    journal.add(transactionId)
    if (options.journalFile)
      writeJsonAtomic(options.journalFile, {committedTransactions: [...journal]})
    options.onBatch?.({done: index + 1, total: batches.length, skipped: false})
  }
  return result
}

async function landed(
  client: SanityClient,
  batch: ImportedDocument[],
  transactionId: string,
): Promise<boolean> {
  const stored = await client.getDocuments(batch.map((document) => document._id))
  return stored.every((document) => document?._rev === transactionId)
}

function retrying(options: PushOptions, sleep: (ms: number) => Promise<void>, onRetry: () => void) {
  const maxAttempts = options.maxAttempts ?? 6
  const baseDelay = options.baseDelayMs ?? 500
  return async function withRetry<T>(
    request: () => Promise<T>,
    alreadyDone?: () => Promise<boolean>,
  ): Promise<T | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await request()
      } catch (error) {
        const failure = describe(error)
        if (!failure.retriable || attempt >= maxAttempts) {
          // Not chained as `cause`: the client's error carries the request, token included.
          // eslint-disable-next-line preserve-caught-error
          throw new Error(`The Content Lake refused the import: ${failure.message}`)
        }
        const delay = failure.retryAfterMs ?? baseDelay * 2 ** (attempt - 1)
        options.log?.(
          `${failure.message}; retrying in ${delay} ms (attempt ${attempt + 1} of ${maxAttempts}).`,
        )
        onRetry()
        await sleep(delay)
        if (failure.ambiguous && alreadyDone) {
          const done = await withRetry(alreadyDone)
          if (done) return undefined
        }
      }
    }
  }
}

interface Failure {
  retriable: boolean
  /** True when the request may have been applied although no answer came back. */
  ambiguous: boolean
  message: string
  status?: number
  retryAfterMs?: number
}

function describe(error: unknown): Failure {
  const status = (error as {statusCode?: number}).statusCode
  if (typeof status === 'number') {
    const headers =
      (error as {response?: {headers?: Record<string, string>}}).response?.headers ?? {}
    const retryAfter = Number(headers['retry-after'])
    return {
      retriable: status === 429 || status >= 500,
      // A 5xx from a proxy can hide a commit that went through.
      ambiguous: status >= 500,
      status,
      message: `HTTP ${status} ${(error as Error).message.split('\n')[0] ?? ''}`.trim(),
      retryAfterMs: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter * 1000 : undefined,
    }
  }
  // No HTTP answer at all: a dropped connection, a reset or a timeout.
  return {
    retriable: true,
    ambiguous: true,
    message: `No answer (${(error as Error).message ?? 'connection lost'})`,
  }
}

/** Upload the files marked with `_sanityAsset` (see AssetResolver) and reference the assets. */
async function uploadAssets(
  documents: readonly ImportedDocument[],
  client: SanityClient,
  withRetry: <T>(request: () => Promise<T>) => Promise<T | undefined>,
): Promise<ImportedDocument[]> {
  const assetIds = new Map<string, string>()
  const replace = async (value: unknown): Promise<unknown> => {
    if (Array.isArray(value)) return Promise.all(value.map(replace))
    if (!value || typeof value !== 'object') return value
    const object = value as Record<string, unknown>
    if (typeof object._sanityAsset === 'string') {
      const url = object._sanityAsset.replace(/^image@/, '')
      let id = assetIds.get(url)
      if (!id) {
        const file = fileURLToPath(url)
        const asset = await withRetry(() => client.assets.upload('image', createReadStream(file)))
        id = asset?._id
        if (!id) throw new Error(`Could not upload ${file}.`)
        assetIds.set(url, id)
      }
      return {...withoutField(object, '_sanityAsset'), asset: {_type: 'reference', _ref: id}}
    }
    const entries = await Promise.all(
      Object.entries(object).map(async ([key, field]) => [key, await replace(field)] as const),
    )
    return Object.fromEntries(entries)
  }
  const result: ImportedDocument[] = []
  for (const document of documents) result.push((await replace(document)) as ImportedDocument)
  return result
}

function readJournal(file: string | undefined): Set<string> {
  if (!file || !existsSync(file)) return new Set()
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as {committedTransactions?: string[]}
  return new Set(parsed.committedTransactions ?? [])
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = []
  for (let index = 0; index < items.length; index += size)
    chunks.push(items.slice(index, index + size))
  return chunks
}

function withoutField(object: Record<string, unknown>, field: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => key !== field))
}
