import {randomBytes} from 'node:crypto'
import {createReadStream, existsSync, readFileSync, rmSync} from 'node:fs'
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
  /**
   * The run's journal: its id, and each transaction as sent or committed, so an interrupted run
   * resumes where it stopped. Removed when the run completes.
   */
  journalFile?: string
  onBatch?: (progress: {done: number; total: number; skipped: boolean}) => void
  /**
   * Called after each step that the journal or the Content Lake made lasting: the transaction was
   * recorded as about to be sent, the Content Lake committed it, the journal says so. An exception
   * thrown here ends the run at that point, as a crash would (tests stop runs there).
   */
  onStep?: (step: {batch: number; transactionId: string; phase: PushPhase}) => void
  /** Messages for the user; never given the token. */
  log?: (message: string) => void
  sleep?: (ms: number) => Promise<void>
}

export type PushPhase = 'recorded' | 'committed' | 'journaled'

export interface PushResult {
  batches: number
  committed: number
  /** Batches an earlier, interrupted run of the same import had committed: not sent again. */
  resumed: number
  retries: number
}

/** What a run keeps on disk between an interruption and its resumption. */
interface Journal {
  version: 2
  /** Part of every transaction id, so no later run can collide with this one's. */
  runId: string
  startedAt: string
  transactions: Record<string, 'sent' | 'committed'>
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
 * Write documents to a Content Lake in batched transactions, each document exactly once, across
 * retries and across a crash at any point.
 *
 * Every transaction gets an id of our own: the run's id (kept in the journal), the batch's number
 * and a hash of its content, so an id never stands for two contents, and a later run never
 * collides with an earlier one's ids (the Content Lake refuses an id it has seen). Before a batch
 * is sent, the journal records it as sent; once committed, as committed. A batch the journal has
 * as sent but not committed may or may not have landed (the answer was lost, or the importer died
 * waiting): before sending it again we ask the Content Lake, whose documents carry the id of the
 * transaction that last wrote them as `_rev`, and whose history API lists every transaction that
 * touched them (for documents edited since).
 *
 * @sanity/client retries only safe requests (GET, queries), never mutations, so the retry loop is
 * ours: 429 and 5xx answers and dropped or slow connections are retried with exponential back-off
 * (honouring Retry-After), with the same check before each resend.
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
  const saveJournal = () => {
    if (options.journalFile) writeJsonAtomic(options.journalFile, journal)
  }
  saveJournal()
  const result: PushResult = {batches: 0, committed: 0, resumed: 0, retries: 0}
  const withRetry = retrying(options, sleep, () => result.retries++)
  const uploaded = await uploadAssets(documents, client, withRetry)
  const batches = chunk(uploaded, batchSize)
  for (const [index, batch] of batches.entries()) {
    const transactionId = `hugo-import-${journal.runId}-${index}-${hash(JSON.stringify(batch), 16)}`
    const step = (phase: PushPhase) => options.onStep?.({batch: index, transactionId, phase})
    const committed = () => withRetry(() => committedAlready(client, batch, transactionId, journal))
    result.batches++
    const state = journal.transactions[transactionId]
    if (state === 'committed' || (state === 'sent' && (await committed()))) {
      if (state === 'sent') {
        journal.transactions[transactionId] = 'committed'
        saveJournal()
      }
      result.resumed++
      options.onBatch?.({done: index + 1, total: batches.length, skipped: true})
      continue
    }
    if (state !== 'sent') {
      journal.transactions[transactionId] = 'sent'
      saveJournal()
    }
    step('recorded')
    await withRetry(
      async () => {
        const transaction = client.transaction()
        for (const document of batch)
          transaction.createOrReplace(document as ImportedDocument & {_id: string})
        await transaction.commit({transactionId, returnDocuments: false, visibility: 'sync'})
      },
      // The answer was lost, or the id was refused as used: the transaction may have landed.
      () => committedAlready(client, batch, transactionId, journal),
    )
    step('committed')
    result.committed += batch.length
    journal.transactions[transactionId] = 'committed'
    saveJournal()
    step('journaled')
    options.onBatch?.({done: index + 1, total: batches.length, skipped: false})
  }
  // The run is complete: a later import is a new run, with new transaction ids.
  if (options.journalFile) rmSync(options.journalFile, {force: true})
  return result
}

/** Whether the Content Lake committed transaction `transactionId` (the batch's own). */
async function committedAlready(
  client: SanityClient,
  batch: ImportedDocument[],
  transactionId: string,
  journal: Journal,
): Promise<boolean> {
  const ids = batch.map((document) => document._id)
  const stored = await client.getDocuments(ids)
  if (stored.some((document) => document?._rev === transactionId)) return true
  // Every document was written again since (an editor, a later transaction): the history knows.
  const answer: unknown = await client.request({
    url: `/data/history/${client.config().dataset}/transactions/${ids.map(encodeURIComponent).join(',')}`,
    query: {excludeContent: 'true', fromTime: journal.startedAt},
  })
  // NDJSON: @sanity/client hands it over as text, a Buffer, or nothing for an empty answer.
  const text =
    answer === undefined || answer === null
      ? ''
      : typeof answer === 'string'
        ? answer
        : Buffer.isBuffer(answer)
          ? answer.toString('utf8')
          : JSON.stringify(answer)
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .some((line) => (JSON.parse(line) as {id?: string}).id === transactionId)
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
        // A refused id: our own earlier attempt committed it (no other run uses this run's ids).
        if (failure.status === 409 && alreadyDone && (await withRetry(alreadyDone)))
          return undefined
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

function readJournal(file: string | undefined): Journal {
  if (file && existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Journal>
    if (parsed.version !== 2 || typeof parsed.runId !== 'string' || !parsed.transactions) {
      throw new Error(
        `${file} is not a journal of this version of the import: delete it to start a new run.`,
      )
    }
    return parsed as Journal
  }
  return {
    version: 2,
    runId: randomBytes(6).toString('hex'),
    startedAt: new Date().toISOString(),
    transactions: {},
  }
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
