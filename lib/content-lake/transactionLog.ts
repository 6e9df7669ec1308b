import {open, type FileHandle} from 'node:fs/promises'
import path from 'node:path'

import {syncDirectory} from '../storage/atomicFile'
import {logPath} from '../storage/files'
import {encodeLogHeader} from '../storage/log'

type Entry =
  | {kind: 'append'; bytes: Buffer; seq: number; resolve: () => void; reject: (e: Error) => void}
  | {kind: 'rotate'; resolve: (sealed: number) => void; reject: (e: Error) => void}

/**
 * The local Content Lake's side of the transaction log: appends lines and makes them durable
 * (`fdatasync`) before it says so, with group commit: while one batch is being flushed, the
 * transactions that arrive meanwhile queue up and the next flush writes and syncs them together,
 * so twenty concurrent clients cost about one flush per round, not twenty.
 *
 * A failed write or flush stops the log for good (every later append fails): after a failed
 * fsync the kernel may have dropped the data, and nothing may be acknowledged on top of it.
 */
export class TransactionLogWriter {
  private readonly queue: Entry[] = []
  private running = false
  private failure: Error | undefined
  private lastSeq: number
  private drained: (() => void)[] = []

  private constructor(
    private readonly file: string,
    private handle: FileHandle,
    private currentGeneration: number,
    firstSeq: number,
    /** Bytes in the current generation, header included. */
    private currentBytes: number,
  ) {
    this.lastSeq = firstSeq - 1
  }

  /** Starts generation `generation`, whose first transaction will be number `firstSeq`. */
  static async create(
    file: string,
    generation: number,
    firstSeq: number,
  ): Promise<TransactionLogWriter> {
    const {handle, bytes} = await createGeneration(file, generation, firstSeq)
    return new TransactionLogWriter(file, handle, generation, firstSeq, bytes)
  }

  get generation(): number {
    return this.currentGeneration
  }

  /** Bytes appended to the current generation. */
  get bytes(): number {
    return this.currentBytes
  }

  get failed(): Error | undefined {
    return this.failure
  }

  /** Resolves once the line is on disk. Lines must come in the order of their `seq`. */
  append(line: string, seq: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure)
      this.queue.push({kind: 'append', bytes: Buffer.from(line), seq, resolve, reject})
      this.run()
    })
  }

  /**
   * Starts a new generation after what is queued so far; resolves with the sealed one, which no
   * longer changes and can be compacted.
   */
  rotate(): Promise<number> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure)
      this.queue.push({kind: 'rotate', resolve, reject})
      this.run()
    })
  }

  /** Waits for everything queued, then closes the file. */
  async close(): Promise<void> {
    if (this.running) await new Promise<void>((resolve) => this.drained.push(resolve))
    await this.handle.close()
  }

  private run(): void {
    if (this.running) return
    this.running = true
    void this.drain()
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0 && !this.failure) {
      const rotation = this.queue.findIndex((entry) => entry.kind === 'rotate')
      const batch = this.queue.splice(
        0,
        rotation === 0 ? 1 : rotation < 0 ? this.queue.length : rotation,
      )
      try {
        const first = batch[0] as Entry
        if (first.kind === 'rotate') first.resolve(await this.startNextGeneration())
        else await this.flush(batch as Extract<Entry, {kind: 'append'}>[])
      } catch (error) {
        this.failure = error as Error
        for (const entry of [...batch, ...this.queue.splice(0)]) entry.reject(this.failure)
      }
    }
    this.running = false
    for (const resolve of this.drained.splice(0)) resolve()
  }

  private async flush(batch: Extract<Entry, {kind: 'append'}>[]): Promise<void> {
    const bytes = Buffer.concat(batch.map((entry) => entry.bytes))
    let written = 0
    while (written < bytes.length) written += (await this.handle.write(bytes, written)).bytesWritten
    await this.handle.datasync()
    this.currentBytes += bytes.length
    this.lastSeq = (batch.at(-1) as {seq: number}).seq
    // In order: the store applies each transaction to what queries see in sequence.
    for (const entry of batch) entry.resolve()
  }

  private async startNextGeneration(): Promise<number> {
    const sealed = this.currentGeneration
    const next = await createGeneration(this.file, sealed + 1, this.lastSeq + 1)
    await this.handle.close()
    this.handle = next.handle
    this.currentGeneration = sealed + 1
    this.currentBytes = next.bytes
    return sealed
  }
}

async function createGeneration(
  file: string,
  generation: number,
  firstSeq: number,
): Promise<{handle: FileHandle; bytes: number}> {
  const handle = await open(logPath(file, generation), 'wx')
  const header = Buffer.from(encodeLogHeader({generation, firstSeq}))
  await handle.write(header)
  await handle.datasync()
  syncDirectory(path.dirname(path.resolve(file)))
  return {handle, bytes: header.length}
}
