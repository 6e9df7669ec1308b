import {spawn} from 'node:child_process'
import {once} from 'node:events'
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import type {MutationEvent, SanityClient, SanityDocument} from '@sanity/client'
import {applyPatch} from 'mendoza'
import {filter, firstValueFrom, take, toArray} from 'rxjs'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import type {RunningContentLake} from '../../lib/content-lake/server'
import {startContentLake} from '../../lib/content-lake/server'
import {readDatasetSync} from '../../lib/storage'
import {DRAFT_POSTING, PUBLISHED_POSTING, SEED_DOCUMENTS, TEAM, toNdjson} from './fixtures'
import {DATASET, PROJECT_ID, clientFor, startLake, temporaryDirectory} from './helpers'

/** The smallest valid PNG: one transparent pixel. */
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

let directory: Awaited<ReturnType<typeof temporaryDirectory>>
let datasetFile: string
let lake: RunningContentLake
let client: SanityClient

/** What every other reader of the dataset (export, query, npm start) sees: snapshot and log. */
function storedIds(): string[] {
  return [...readDatasetSync(datasetFile).documents.keys()]
}

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

describe('queries and perspectives', () => {
  it('shows only published documents in the published perspective', async () => {
    const titles = await client.fetch<string[]>(
      '*[_type == "posting"].title',
      {},
      {perspective: 'published'},
    )
    expect(titles).toEqual([PUBLISHED_POSTING.title])
  })

  it('overlays drafts on published documents in the drafts perspective', async () => {
    const postings = await client.fetch<{_id: string; _originalId: string; title: string}[]>(
      '*[_type == "posting"] | order(title asc){_id, _originalId, title}',
      {},
      {perspective: 'drafts'},
    )
    expect(postings).toEqual([
      {
        _id: 'posting-data-analyst',
        _originalId: 'drafts.posting-data-analyst',
        title: 'Data Analyst',
      },
      {
        _id: PUBLISHED_POSTING._id,
        _originalId: DRAFT_POSTING._id,
        title: DRAFT_POSTING.title,
      },
    ])
  })

  it('resolves a release stack over drafts and published, as @sanity/client sends it', async () => {
    await client.createOrReplace({
      ...PUBLISHED_POSTING,
      _id: `versions.rSpring.${PUBLISHED_POSTING._id}`,
      title: 'In spring',
    })
    const postings = await client.fetch<{_id: string; _originalId: string; title: string}[]>(
      '*[_type == "posting"] | order(title asc){_id, _originalId, title}',
      {},
      {perspective: ['rSpring', 'drafts']},
    )
    expect(postings).toEqual([
      {
        _id: 'posting-data-analyst',
        _originalId: 'drafts.posting-data-analyst',
        title: 'Data Analyst',
      },
      {
        _id: PUBLISHED_POSTING._id,
        _originalId: `versions.rSpring.${PUBLISHED_POSTING._id}`,
        title: 'In spring',
      },
    ])
  })

  it('returns every stored document in the raw perspective, with parameters and joins', async () => {
    const count = await client.fetch<number>('count(*)', {}, {perspective: 'raw'})
    expect(count).toBe(SEED_DOCUMENTS.length)
    const teamName = await client.fetch<string>('*[_id == $id][0].team->name', {
      id: PUBLISHED_POSTING._id,
    })
    expect(teamName).toBe(TEAM.name)
  })

  it('answers the text::query() search of Studio lists with GROQ match', async () => {
    const search = (term: string) =>
      client.fetch<string[]>(
        '*[_type in $types && ([@, _id] match text::query($term))] | order(_id asc)._id',
        {types: ['posting'], term},
        {perspective: 'raw'},
      )
    // An empty search box is sent as "*".
    expect(await search('*')).toHaveLength(3)
    expect(await search('analy*')).toEqual(['drafts.posting-data-analyst'])
  })

  it('answers a GROQ syntax error with 400 and the reason', async () => {
    await expect(client.fetch('*[_type == ]')).rejects.toMatchObject({statusCode: 400})
  })

  it('gets documents by id and reports the missing ones', async () => {
    expect(await client.getDocument(DRAFT_POSTING._id)).toMatchObject({title: DRAFT_POSTING.title})
    expect(await client.getDocuments([TEAM._id, 'no-such-document'])).toEqual([
      expect.objectContaining({name: TEAM.name}),
      null,
    ])
  })
})

describe('mutations', () => {
  it('creates and patches documents with revisions and timestamps, and writes them to the file', async () => {
    const created = await client.create({_id: 'drafts.', _type: 'team', name: 'Security'})
    expect(created._id).toMatch(/^drafts\.[0-9a-f-]{36}$/)
    expect(created._createdAt).toBeTruthy()
    const result = await client
      .patch(created._id)
      .set({name: 'Security engineering'})
      .setIfMissing({tags: []})
      .insert('after', 'tags[-1]', ['appsec'])
      .commit()
    expect(result).toMatchObject({name: 'Security engineering', tags: ['appsec']})
    expect(result._rev).not.toBe(created._rev)
    expect(storedIds()).toContain(created._id)
  })

  it('applies a transaction all or nothing', async () => {
    const transaction = client
      .transaction()
      .create({_id: 'team-new', _type: 'team', name: 'New team'})
      .patch('does-not-exist', (patch) => patch.set({name: 'x'}))
    await expect(transaction.commit()).rejects.toMatchObject({statusCode: 409})
    expect(await client.getDocument('team-new')).toBeUndefined()
    expect(storedIds()).not.toContain('team-new')
  })

  it('refuses a patch made against an old revision', async () => {
    await expect(
      client.patch(TEAM._id).ifRevisionId('an-old-revision').set({name: 'Stale'}).commit(),
    ).rejects.toMatchObject({statusCode: 409})
    expect(await client.getDocument(TEAM._id)).toMatchObject({name: TEAM.name})
  })

  it('duplicates a document the way the Studio does, with a create mutation', async () => {
    const source = await client.getDocument(PUBLISHED_POSTING._id)
    const {_id: _sourceId, _rev: _sourceRev, ...content} = source as SanityDocument
    const copy = await client.create({...content, _id: 'drafts.posting-sre-copy', _type: 'posting'})
    expect(copy).toMatchObject({title: PUBLISHED_POSTING.title, team: PUBLISHED_POSTING.team})
  })
})

describe('actions', () => {
  it('takes a new posting through create, edit, publish, edit, discard and unpublish', async () => {
    const publishedId = 'posting-platform-engineer'
    const draftId = `drafts.${publishedId}`
    await client.action({
      actionType: 'sanity.action.document.create',
      publishedId,
      attributes: {_id: draftId, _type: 'posting', title: 'Platform Engineer'},
      ifExists: 'fail',
    })
    await client.action({
      actionType: 'sanity.action.document.edit',
      draftId,
      publishedId,
      patch: {set: {language: 'en'}},
    })
    await client.action({actionType: 'sanity.action.document.publish', draftId, publishedId})
    expect(await client.getDocument(draftId)).toBeUndefined()
    const published = await client.getDocument(publishedId)
    expect(published).toMatchObject({title: 'Platform Engineer', language: 'en'})

    // Editing a published document starts a draft from it.
    await client.action({
      actionType: 'sanity.action.document.edit',
      draftId,
      publishedId,
      patch: {set: {title: 'Staff Platform Engineer'}},
    })
    expect(await client.getDocument(draftId)).toMatchObject({
      title: 'Staff Platform Engineer',
      language: 'en',
    })
    await client.action({actionType: 'sanity.action.document.discard', draftId})
    expect(await client.getDocument(draftId)).toBeUndefined()

    await client.action({actionType: 'sanity.action.document.unpublish', draftId, publishedId})
    expect(await client.getDocument(publishedId)).toBeUndefined()
    expect(await client.getDocument(draftId)).toMatchObject({title: 'Platform Engineer'})
  })

  it('refuses to publish over a newer published revision', async () => {
    await expect(
      client.action({
        actionType: 'sanity.action.document.publish',
        draftId: DRAFT_POSTING._id,
        publishedId: PUBLISHED_POSTING._id,
        ifPublishedRevisionId: 'an-old-revision',
      }),
    ).rejects.toMatchObject({statusCode: 409})
  })

  it('deletes a document with its draft, and refuses to leave the draft behind', async () => {
    const deleteWithout = client.action({
      actionType: 'sanity.action.document.delete',
      publishedId: PUBLISHED_POSTING._id,
      includeDrafts: [],
    })
    await expect(deleteWithout).rejects.toMatchObject({statusCode: 409})
    await client.action({
      actionType: 'sanity.action.document.delete',
      publishedId: PUBLISHED_POSTING._id,
      includeDrafts: [DRAFT_POSTING._id],
    })
    expect(await client.getDocuments([PUBLISHED_POSTING._id, DRAFT_POSTING._id])).toEqual([
      null,
      null,
    ])
  })
})

describe('listen', () => {
  it('sends welcome, then mutation events with the fields the Studio document store reads', async () => {
    const events = client
      .listen(
        '*[_id in $ids]',
        {ids: [PUBLISHED_POSTING._id, DRAFT_POSTING._id]},
        {events: ['welcome', 'mutation'], effectFormat: 'mendoza', includeResult: true},
      )
      .pipe(take(3), toArray())
    const received = firstValueFrom(events)
    const welcome = firstValueFrom(
      client
        .listen('*', {}, {events: ['welcome']})
        .pipe(filter((event) => event.type === 'welcome')),
    )
    await welcome
    const before = await client.getDocument(DRAFT_POSTING._id)
    await client.action({
      actionType: 'sanity.action.document.edit',
      draftId: DRAFT_POSTING._id,
      publishedId: PUBLISHED_POSTING._id,
      patch: {set: {title: 'Principal Site Reliability Engineer'}},
    })
    await client.action({
      actionType: 'sanity.action.document.publish',
      draftId: DRAFT_POSTING._id,
      publishedId: PUBLISHED_POSTING._id,
    })
    const [first, edit, ...rest] = await received
    expect(first).toMatchObject({type: 'welcome'})
    const editEvent = edit as MutationEvent
    expect(editEvent).toMatchObject({
      type: 'mutation',
      documentId: DRAFT_POSTING._id,
      transition: 'update',
      previousRev: before?._rev,
      mutations: [
        {patch: {id: DRAFT_POSTING._id, set: {title: 'Principal Site Reliability Engineer'}}},
      ],
    })
    expect(editEvent.resultRev).toBe(editEvent.transactionId)
    const {_rev: _previousRev, ...previousContent} = before as SanityDocument
    const {_rev: _resultRev, ...resultContent} = editEvent.result as SanityDocument
    expect(applyPatch(previousContent, editEvent.effects?.apply as unknown[])).toEqual(
      resultContent,
    )
    // Publishing is one transaction with two events: the published document appears, the draft goes.
    expect(rest).toHaveLength(1)
    expect(rest[0]).toMatchObject({type: 'mutation', transactionTotalEvents: 2})
  })
})

describe('persistence and safety', () => {
  it('keeps every committed edit across a restart', async () => {
    await client.patch(TEAM._id).set({name: 'Data platform and analytics'}).commit()
    await lake.close()
    lake = await startLake(datasetFile)
    client = clientFor(lake.url)
    expect(await client.getDocument(TEAM._id)).toMatchObject({name: 'Data platform and analytics'})
  })

  it('names the file and line of a broken dataset line', async () => {
    const broken = join(directory.path, 'broken.ndjson')
    await writeFile(broken, `${JSON.stringify(TEAM)}\n{"_id": "half\n`)
    await expect(startLake(broken)).rejects.toThrow(`${broken}:2`)
  })

  it('leaves nothing running once closed: the process ends by itself', async () => {
    const other = join(directory.path, 'other.ndjson')
    await writeFile(other, toNdjson(SEED_DOCUMENTS))
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/content-lake/startAndClose.ts', other],
      {stdio: 'inherit'},
    )
    const [code] = (await once(child, 'exit')) as [number | null]
    expect(code).toBe(0)
  })

  it('refuses to listen beyond loopback unless told to', async () => {
    await expect(
      startContentLake({
        datasetFile,
        projectId: PROJECT_ID,
        dataset: DATASET,
        port: 0,
        host: '0.0.0.0',
      }),
    ).rejects.toThrow(/loopback/)
  })

  it('stores an uploaded image as an asset document and serves the file', async () => {
    const asset = await client.assets.upload('image', ONE_PIXEL_PNG, {filename: 'pixel.png'})
    expect(asset._id).toMatch(/^image-[0-9a-f]{40}-1x1-png$/)
    expect(asset.metadata.dimensions).toMatchObject({width: 1, height: 1})
    const served = await fetch(asset.url.replace('http://localhost', 'http://127.0.0.1'))
    expect(Buffer.from(await served.arrayBuffer())).toEqual(ONE_PIXEL_PNG)
    expect(storedIds()).toContain(asset._id)
  })
})
