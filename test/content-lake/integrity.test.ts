/**
 * What the local Content Lake refuses to write, as the real one does: documents without a valid
 * `_id` and `_type` (which would break its own file and every reader of it), unknown patch
 * operations, and a transaction id used before. Each refusal leaves the dataset as it was and the
 * lake able to start again.
 */
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import type {SanityClient} from '@sanity/client'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import type {RunningContentLake} from '../../lib/content-lake/server'
import {readDatasetSync} from '../../lib/storage'
import {PUBLISHED_POSTING, SEED_DOCUMENTS, TEAM, toNdjson} from './fixtures'
import {DATASET, clientFor, startLake, temporaryDirectory} from './helpers'

let directory: Awaited<ReturnType<typeof temporaryDirectory>>
let datasetFile: string
let lake: RunningContentLake
let client: SanityClient

beforeEach(async () => {
  directory = await temporaryDirectory()
  datasetFile = join(directory.path, 'production.ndjson')
  await writeFile(datasetFile, toNdjson(SEED_DOCUMENTS))
  lake = await startLake(datasetFile)
  client = clientFor(lake.url)
})

afterEach(async () => {
  await lake.close()
  await directory.remove()
})

/** The raw mutate endpoint, so a test can send what @sanity/client would not build. */
async function mutate(body: unknown) {
  const response = await fetch(`${lake.url}/v2025-02-19/data/mutate/${DATASET}`, {
    method: 'POST',
    headers: {'content-type': 'application/json'},
    body: JSON.stringify(body),
  })
  return {status: response.status, body: (await response.json()) as Record<string, never>}
}

describe('documents keep a valid _id and _type', () => {
  it.each([
    ['unsets _type', {patch: {id: TEAM._id, unset: ['_type']}}],
    ['sets _type to a number', {patch: {id: TEAM._id, set: {_type: 5}}}],
    ['sets _type to ""', {patch: {id: TEAM._id, set: {_type: ''}}}],
    ['changes _id to an existing id', {patch: {id: TEAM._id, set: {_id: PUBLISHED_POSTING._id}}}],
    ['changes _id to a new one', {patch: {id: TEAM._id, set: {_id: 'team-renamed'}}}],
    ['unsets _id', {patch: {id: TEAM._id, unset: ['_id']}}],
    ['creates without _type', {create: {_id: 'team-untyped', name: 'No type'}}],
    ['creates with a number for _type', {createOrReplace: {_id: TEAM._id, _type: 7}}],
    [
      'creates with an id the dataset import refuses',
      {create: {_id: 'team with spaces', _type: 'team'}},
    ],
    ['creates with a number for _id', {create: {_id: 12, _type: 'team'}}],
  ])('refuses a mutation that %s, and the file stays importable', async (_case, mutation) => {
    const before = readDatasetSync(datasetFile).documents
    const {status, body} = await mutate({mutations: [mutation]})
    expect(status).toBe(400)
    expect(body.error).toMatchObject({type: 'mutationError', items: [{index: 0}]})
    expect(readDatasetSync(datasetFile).documents).toEqual(before)
    // The lake that refused it starts again on its file.
    await lake.close()
    lake = await startLake(datasetFile)
    expect(await clientFor(lake.url).getDocument(TEAM._id)).toMatchObject({_type: 'team'})
  })

  it('refuses the whole transaction, naming the mutation that broke it', async () => {
    const {status, body} = await mutate({
      mutations: [
        {create: {_id: 'team-fine', _type: 'team'}},
        {patch: {id: 'team-fine', unset: ['_type']}},
      ],
    })
    expect(status).toBe(400)
    expect(body.error).toMatchObject({items: [{index: 1, error: {id: 'team-fine'}}]})
    expect(await client.getDocument('team-fine')).toBeUndefined()
  })

  it('applies the same checks to actions', async () => {
    await expect(
      client.action({
        actionType: 'sanity.action.document.edit',
        draftId: `drafts.${TEAM._id}`,
        publishedId: TEAM._id,
        patch: {unset: ['_type']},
      }),
    ).rejects.toMatchObject({statusCode: 400})
    expect(await client.getDocument(`drafts.${TEAM._id}`)).toBeUndefined()
  })
})

describe('patch operations', () => {
  it('refuses an operation the API does not have, as the real one does', async () => {
    const {status, body} = await mutate({
      mutations: [{patch: {id: TEAM._id, frobnicate: {name: 'x'}}}],
    })
    expect(status).toBe(400)
    expect(body.error).toMatchObject({
      items: [
        {error: {description: expect.stringContaining('Unknown patch operation "frobnicate"')}},
      ],
    })
    expect(await client.getDocument(TEAM._id)).toMatchObject({name: TEAM.name})
  })

  it('takes every operation it documents', async () => {
    const patched = await client
      .patch(TEAM._id)
      .setIfMissing({headcount: 1, tags: ['a']})
      .inc({headcount: 2})
      .dec({headcount: 1})
      .insert('after', 'tags[-1]', ['b'])
      .unset(['description'])
      .diffMatchPatch({name: '@@ -1,4 +1,4 @@\n-Data\n+Info\n'})
      .commit()
    expect(patched).toMatchObject({headcount: 2, tags: ['a', 'b'], name: 'Info platform'})
  })
})

describe('transaction ids', () => {
  it('refuses one used before, as the real API does, also after a restart and compaction', async () => {
    const create = (target: SanityClient, id: string) =>
      target.mutate([{create: {_id: id, _type: 'team'}}], {transactionId: 'my-transaction-1'})
    await create(client, 'team-one')
    await expect(create(client, 'team-two')).rejects.toMatchObject({
      statusCode: 409,
      details: {type: 'mutationError', items: [{error: {type: 'transactionIdConflictError'}}]},
    })
    expect(await client.getDocument('team-two')).toBeUndefined()
    // Closing folds the log into the snapshot; the id is still known.
    await lake.close()
    lake = await startLake(datasetFile)
    await expect(create(clientFor(lake.url), 'team-two')).rejects.toMatchObject({statusCode: 409})
  })

  it('lists committed transactions by document in the history API', async () => {
    await client.mutate([{create: {_id: 'team-history', _type: 'team'}}], {
      transactionId: 'history-1',
    })
    await client.patch('team-history').set({name: 'x'}).commit({transactionId: 'history-2'})
    await lake.close()
    lake = await startLake(datasetFile)
    await clientFor(lake.url)
      .patch('team-history')
      .set({name: 'y'})
      .commit({transactionId: 'history-3'})
    const response = await fetch(
      `${lake.url}/v2025-02-19/data/history/${DATASET}/transactions/team-history?excludeContent=true`,
    )
    expect(response.headers.get('content-type')).toBe('application/x-ndjson')
    const transactions = (await response.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as {id: string; documentIDs: string[]; author: string})
    expect(transactions.map(({id}) => id)).toEqual(['history-1', 'history-2', 'history-3'])
    expect(transactions[0]).toMatchObject({documentIDs: ['team-history'], author: 'local-admin'})
  })
})
