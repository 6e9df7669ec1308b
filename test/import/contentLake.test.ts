import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {afterEach, describe, expect, it} from 'vitest'

import {
  contentLakeTargetFromEnv,
  pushToContentLake,
  type PushOptions,
} from '../../lib/import/contentLake'
import type {ImportedDocument} from '../../lib/import'
import {FakeContentLake, type Fault} from './fakeContentLake'

const TOKEN = 'sk-secret-token-that-must-never-be-printed'

const documents: ImportedDocument[] = Array.from({length: 23}, (_, index) => ({
  _id: `team-${String(index).padStart(2, '0')}`,
  _type: 'team',
  name: `Team ${index}`,
}))

describe('writing to a Content Lake (--to sanity)', () => {
  let lake: FakeContentLake | undefined
  afterEach(async () => lake?.stop())

  async function push(faults: Fault[], options: PushOptions = {}) {
    lake = new FakeContentLake(TOKEN, faults)
    const apiHost = await lake.start()
    const messages: string[] = []
    const result = await pushToContentLake(
      documents,
      {projectId: 'test', dataset: 'production', token: TOKEN, apiHost},
      {
        batchSize: 5,
        baseDelayMs: 1,
        // Well above a normal answer on a loaded 2-core machine, well below the slow fault.
        timeoutMs: 1_500,
        log: (message) => messages.push(message),
        ...options,
      },
    )
    return {result, messages, lake}
  }

  it('writes each document exactly once in batched transactions through 429, 503, dropped connections and slow answers', async () => {
    const {
      result,
      messages,
      lake: server,
    } = await push([
      '429',
      '503',
      'ok',
      'drop-before-commit',
      'drop-after-commit',
      'ok',
      'slow-after-commit',
      'ok',
    ])
    expect(result).toMatchObject({batches: 5, committed: 23, resumed: 0})
    expect(result.retries).toBe(5)
    expect([...server.writes.values()].every((count) => count === 1)).toBe(true)
    expect([...server.documents.keys()].sort()).toEqual(documents.map((document) => document._id))
    expect(messages.some((message) => message.includes('429'))).toBe(true)
    expect(messages.join('\n')).not.toContain(TOKEN)
    expect(server.seenAuthorization).toEqual(new Set([`Bearer ${TOKEN}`]))
  })

  it('resumes after an interrupted run without writing anything twice', async () => {
    const journalFile = path.join(mkdtempSync(path.join(tmpdir(), 'lake-journal-')), 'journal.json')
    // The first run gives up during the third batch: 503 more times than it is willing to retry.
    const failing = push(['ok', 'ok', '503', '503', '503'], {journalFile, maxAttempts: 3})
    await expect(failing).rejects.toThrow(/HTTP 503/)
    await expect(failing).rejects.not.toThrow(TOKEN)
    const firstWrites = new Map(lake?.writes)
    await lake?.stop()
    const second = await push([], {journalFile})
    expect(second.result).toMatchObject({batches: 5, resumed: 2, committed: 13})
    // Together, the two runs wrote each document once.
    for (const document of documents) {
      expect(
        (firstWrites.get(document._id) ?? 0) + (second.lake.writes.get(document._id) ?? 0),
      ).toBe(1)
    }
  })

  it('stops on answers that retrying cannot fix, without printing the token', async () => {
    lake = new FakeContentLake('another-token', [])
    const apiHost = await lake.start()
    const attempt = pushToContentLake(
      documents,
      {projectId: 'test', dataset: 'production', token: TOKEN, apiHost},
      {baseDelayMs: 1},
    )
    await expect(attempt).rejects.toThrow(/HTTP 401/)
    await expect(attempt).rejects.not.toThrow(TOKEN)
  })

  it('names the missing settings', () => {
    expect(() => contentLakeTargetFromEnv({SANITY_PROJECT_ID: 'abc'})).toThrow(
      '--to sanity needs SANITY_DATASET, SANITY_API_TOKEN',
    )
  })
})
