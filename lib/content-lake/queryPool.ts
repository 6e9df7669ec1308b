import {statSync} from 'node:fs'
import type {Worker} from 'node:worker_threads'

import type {SanityDocument} from '@sanity/client'

import {ContentLakeError, serverFailure} from './errors'
import type {FromQueryWorker, QueryTask, SelectTask, ToQueryWorker} from './queryMessages'
import {startTypeScriptWorker} from './workerThread'

export interface QueryPoolOptions {
  datasetFile: string
  /** Query threads, each with its own copy of the dataset (default 2). */
  threads?: number
  /** A query that runs longer is stopped and answered with an error (default 10 s). */
  timeoutMs?: number
}

type Task = Omit<QueryTask, 'id'> | Omit<SelectTask, 'id'>

interface Pending {
  task: Task
  resolve: (answer: Uint8Array | string[]) => void
  reject: (error: Error) => void
}

interface Thread {
  worker: Worker
  state: 'loading' | 'idle' | 'busy' | 'stopped'
  /** Commits made while the thread was loading, sent once it says where it started. */
  backlog: Extract<ToQueryWorker, {type: 'commit'}>[]
  current?: {id: number; pending: Pending; timer: NodeJS.Timeout}
}

export const DEFAULT_QUERY_TIMEOUT_MS = 10_000

/** A thread that fails this often in a row while loading means the dataset cannot be read. */
const MAX_LOAD_FAILURES = 3

/**
 * The local Content Lake's GROQ evaluation, off the event loop: worker threads that each hold a
 * copy of the dataset (read from disk, then kept current with every commit), answering one query
 * at a time under a deadline. A query past its deadline has its thread stopped (the only way to
 * interrupt JavaScript) and gets a 422 saying so; a new thread takes its place. Meanwhile the
 * server goes on answering everything else, other queries included, on the other threads.
 */
export class QueryPool {
  private readonly threads: Thread[] = []
  private readonly waiting: Pending[] = []
  private readonly size: number
  private readonly timeoutMs: number
  private readonly memoryMb: number
  private nextId = 1
  private loadFailures = 0
  private closed = false
  private readyWaiters: (() => void)[] = []

  constructor(private readonly options: QueryPoolOptions) {
    this.size = Math.max(1, options.threads ?? 2)
    this.timeoutMs = options.timeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS
    // Room for the dataset's documents (about eight times the file as JavaScript objects) and a
    // large answer; a query that needs more stops its thread instead of the machine.
    let fileMb = 0
    try {
      fileMb = statSync(options.datasetFile).size / 1024 / 1024
    } catch {
      // No snapshot yet: a new dataset.
    }
    this.memoryMb = Math.ceil(1024 + fileMb * 12)
  }

  /** Starts the first thread; the others follow once it is ready, so a restart answers sooner. */
  start(): void {
    this.spawn()
  }

  /** Resolves once a thread can answer. */
  async ready(): Promise<void> {
    while (!this.threads.some(({state}) => state === 'idle' || state === 'busy')) {
      if (this.closed || this.loadFailures >= MAX_LOAD_FAILURES) return
      await this.nextChange()
    }
  }

  /** Resolves once every thread has loaded the dataset (the pool runs at full width). */
  async allReady(): Promise<void> {
    while (this.threads.length < this.size || this.threads.some(({state}) => state === 'loading')) {
      if (this.closed || this.loadFailures >= MAX_LOAD_FAILURES) return
      await this.nextChange()
    }
  }

  /** Resolves when a thread becomes ready or stops. */
  private nextChange(): Promise<void> {
    return new Promise((resolve) => this.readyWaiters.push(resolve))
  }

  private wakeWaiters(): void {
    for (const resolve of this.readyWaiters.splice(0)) resolve()
  }

  query(task: Omit<QueryTask, 'id' | 'type'>): Promise<Uint8Array> {
    return this.enqueue({type: 'query', ...task}) as Promise<Uint8Array>
  }

  select(task: Omit<SelectTask, 'id' | 'type'>): Promise<string[]> {
    return this.enqueue({type: 'select', ...task}) as Promise<string[]>
  }

  /** A committed transaction: every thread applies it before it answers anything sent later. */
  commit(seq: number, put: SanityDocument[], deleted: string[]): void {
    const message = {type: 'commit' as const, seq, put, deleted}
    for (const thread of this.threads) {
      if (thread.state === 'loading') thread.backlog.push(message)
      else if (thread.state !== 'stopped') thread.worker.postMessage(message)
    }
  }

  async close(): Promise<void> {
    this.closed = true
    this.wakeWaiters()
    for (const pending of this.waiting.splice(0)) pending.reject(stopping())
    // A copy: stopping a thread removes it from the list.
    await Promise.all([...this.threads].map((thread) => this.stop(thread, stopping())))
  }

  private enqueue(task: Task): Promise<Uint8Array | string[]> {
    if (this.closed) return Promise.reject(stopping())
    if (this.loadFailures >= MAX_LOAD_FAILURES) return Promise.reject(serverFailure())
    return new Promise((resolve, reject) => {
      this.waiting.push({task, resolve, reject})
      this.dispatch()
    })
  }

  private spawn(): void {
    const worker = startTypeScriptWorker(new URL('./queryWorker.ts', import.meta.url), {
      workerData: {datasetFile: this.options.datasetFile},
      resourceLimits: {maxOldGenerationSizeMb: this.memoryMb},
    })
    const thread: Thread = {worker, state: 'loading', backlog: []}
    this.threads.push(thread)
    worker.on('message', (message: FromQueryWorker) => this.receive(thread, message))
    worker.on('error', (error) => {
      console.error('A query thread of the local Content Lake failed:', error)
    })
    worker.on('exit', () => {
      if (thread.state === 'stopped') return
      const wasLoading = thread.state === 'loading'
      thread.state = 'stopped'
      this.remove(thread)
      thread.current?.pending.reject(
        new ContentLakeError(
          422,
          'queryResourceError',
          'The query needed more memory than one query may use here: select fewer documents or fields.',
        ),
      )
      if (thread.current) clearTimeout(thread.current.timer)
      if (wasLoading) this.loadFailures++
      this.wakeWaiters()
      if (this.loadFailures >= MAX_LOAD_FAILURES) {
        for (const pending of this.waiting.splice(0)) pending.reject(serverFailure())
        return
      }
      if (!this.closed) this.spawn()
    })
  }

  private receive(thread: Thread, message: FromQueryWorker): void {
    if (message.type === 'ready') {
      for (const commit of thread.backlog.splice(0))
        if (commit.seq > message.seq) thread.worker.postMessage(commit)
      thread.state = 'idle'
      this.loadFailures = 0
      this.wakeWaiters()
      if (!this.closed && this.threads.length < this.size) this.spawn()
      this.dispatch()
      return
    }
    const current = thread.current
    if (!current || current.id !== message.id) return
    clearTimeout(current.timer)
    thread.current = undefined
    thread.state = 'idle'
    if (message.type === 'failed') {
      current.pending.reject(
        new ContentLakeError(message.statusCode, message.errorType, message.description),
      )
    } else current.pending.resolve(message.type === 'answer' ? message.json : message.ids)
    this.dispatch()
  }

  private dispatch(): void {
    for (const thread of this.threads) {
      if (thread.state !== 'idle') continue
      const pending = this.waiting.shift()
      if (!pending) return
      const id = this.nextId++
      const timer = setTimeout(() => this.timedOut(thread), this.timeoutMs)
      thread.current = {id, pending, timer}
      thread.state = 'busy'
      thread.worker.postMessage({...pending.task, id})
    }
  }

  private timedOut(thread: Thread): void {
    const seconds = this.timeoutMs / 1000
    void this.stop(
      thread,
      new ContentLakeError(
        422,
        'queryTimeoutError',
        `The query ran for more than ${seconds} s and was stopped: narrow it with a filter or a slice, or avoid subqueries over every document (*) inside a projection.`,
      ),
    )
    if (!this.closed) this.spawn()
  }

  private async stop(thread: Thread, reason: Error): Promise<void> {
    if (thread.state === 'stopped') return
    thread.state = 'stopped'
    this.remove(thread)
    if (thread.current) {
      clearTimeout(thread.current.timer)
      thread.current.pending.reject(reason)
    }
    await thread.worker.terminate()
  }

  private remove(thread: Thread): void {
    const index = this.threads.indexOf(thread)
    if (index >= 0) this.threads.splice(index, 1)
  }
}

function stopping(): ContentLakeError {
  return new ContentLakeError(503, 'serviceUnavailable', 'The local Content Lake is stopping.')
}
