/**
 * A query is evaluated off the event loop, under a deadline: the nested query that once held
 * every request for 47 s on 5,000 documents is stopped with a clear error, and everything else is
 * answered meanwhile.
 */
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import type {SanityClient} from '@sanity/client'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {RunningContentLake} from '../../lib/content-lake/server'
import {TEAM, toNdjson} from './fixtures'
import {clientFor, startLake, temporaryDirectory} from './helpers'

/** Far longer than any of the other requests takes, far shorter than the query would run. */
const DEADLINE_MS = 5_000
const NESTED_QUERY = 'count(*[]{"m": count(*[_id > ^._id])})'

const DOCUMENTS = [
  TEAM,
  ...Array.from({length: 5000}, (_, index) => ({
    _id: `team-${String(index).padStart(4, '0')}`,
    _type: 'team',
    name: `Team ${index}`,
  })),
]

let directory: Awaited<ReturnType<typeof temporaryDirectory>>
let lake: RunningContentLake
let client: SanityClient

beforeAll(async () => {
  directory = await temporaryDirectory()
  const datasetFile = join(directory.path, 'production.ndjson')
  await writeFile(datasetFile, toNdjson(DOCUMENTS))
  lake = await startLake(datasetFile, {queryTimeoutMs: DEADLINE_MS, queryThreads: 2})
  await lake.queryThreadsReady()
  client = clientFor(lake.url)
})

afterAll(async () => {
  await lake.close()
  await directory.remove()
})

describe('the query deadline', () => {
  it('stops the nested query over 5,000 documents with a clear error, answering everything else meanwhile', async () => {
    let heavyAnswered = false
    const heavy = client.fetch(NESTED_QUERY).finally(() => (heavyAnswered = true))
    const outcome = heavy.then(
      () => 'answered',
      (error: unknown) => error,
    )

    // A document read, a write, a listener's welcome and another query all come back while the
    // nested query still runs on its thread.
    expect(await client.getDocument(TEAM._id)).toMatchObject({name: TEAM.name})
    await client.patch(TEAM._id).set({name: 'Renamed during the query'}).commit()
    expect(await client.fetch<number>('count(*[_type == "team"])')).toBe(DOCUMENTS.length)
    expect(await client.fetch<string>(`*[_id == "${TEAM._id}"][0].name`)).toBe(
      'Renamed during the query',
    )
    expect(heavyAnswered).toBe(false)

    expect(await outcome).toMatchObject({
      statusCode: 422,
      details: {type: 'queryTimeoutError'},
      message: expect.stringContaining(`more than ${DEADLINE_MS / 1000} s`),
    })
    // The stopped thread was replaced: queries go on, and see every write.
    expect(await client.fetch<string>(`*[_id == "${TEAM._id}"][0].name`)).toBe(
      'Renamed during the query',
    )
  })

  it('applies the deadline to patches by query too', async () => {
    await expect(
      client
        .patch({query: '*[_type == "team" && count(*[_id > ^._id]) > 1e9]'})
        .set({name: 'x'})
        .commit(),
    ).rejects.toMatchObject({statusCode: 422})
    expect(await client.getDocument(TEAM._id)).toMatchObject({name: 'Renamed during the query'})
  })
})
