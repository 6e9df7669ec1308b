import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import type {ClientPerspective} from '@sanity/client'
import {applySourceDocuments, type ContentSourceMap} from '@sanity/client/csm'
import {describe, expect, it} from 'vitest'

import {createLocalDataset, documentsInPerspective, publishedIdOf} from '../../lib/dataset'
import {openDatasetFile} from '../../lib/dataset/file'
import {IS_DRAFT_FILTER} from '../../lib/queries/filters'

const docs = [
  {_id: 'a', _type: 'thing', title: 'A published'},
  {_id: 'drafts.a', _type: 'thing', title: 'A draft'},
  {_id: 'drafts.b', _type: 'thing', title: 'B only draft'},
  {_id: 'c', _type: 'thing', title: 'C', friend: {_type: 'reference', _ref: 'a'}},
  {_id: 'versions.rSpring.c', _type: 'thing', title: 'C in spring'},
  {_id: 'versions.rSpring.a', _type: 'thing', title: 'A in spring'},
  {_id: 'versions.rAutumn.d', _type: 'thing', title: 'D only in autumn'},
]

/**
 * How @sanity/client resolves each document of a perspective (`applySourceDocuments` in
 * @sanity/client/csm, its optimistic mirror of the Content Lake): a content source map that
 * points one value at every published id, and the document the client resolves for it.
 */
function resolvedByClient(
  perspective: Exclude<ClientPerspective, 'raw'>,
): Record<string, unknown>[] {
  const byId = new Map(docs.map((doc) => [doc._id, doc]))
  const publishedIds = [...new Set(docs.map((doc) => publishedIdOf(doc._id)))]
  const sourceMap = {
    documents: publishedIds.map((_id) => ({_id, _type: 'thing'})),
    paths: ["$['title']"],
    mappings: Object.fromEntries(
      publishedIds.map((_, index) => [
        `$['values'][${index}]`,
        {type: 'value', source: {type: 'documentValue', document: index, path: 0}},
      ]),
    ),
  } as ContentSourceMap
  const resolved: Record<string, unknown>[] = []
  applySourceDocuments(
    {values: publishedIds.map(() => 'not a title')},
    sourceMap,
    ({_id}) => byId.get(_id) as never,
    (value, {cachedDocument}) => {
      resolved.push(cachedDocument as Record<string, unknown>)
      return value
    },
    perspective,
  )
  return resolved
}

const byPublishedId = (documents: readonly Record<string, unknown>[]) =>
  [...documents].sort((a, b) => String(a._id).localeCompare(String(b._id)))

describe('perspectives', () => {
  it.each<Exclude<ClientPerspective, 'raw'>>([
    'published',
    'drafts',
    'previewDrafts',
    ['drafts'],
    ['rSpring'],
    ['rSpring', 'drafts'],
    ['rAutumn', 'rSpring', 'drafts', 'published'],
  ])('%j resolves every document as @sanity/client does', (perspective) => {
    expect(byPublishedId(documentsInPerspective(docs, perspective))).toEqual(
      byPublishedId(resolvedByClient(perspective)),
    )
  })

  it('raw shows every stored document with its stored id and no _originalId', () => {
    expect(documentsInPerspective(docs, 'raw')).toEqual(docs)
  })

  it('drafts puts each draft in place of its published version under the published id', () => {
    const view = documentsInPerspective(docs, 'drafts')
    expect(view.map((doc) => [doc._id, doc.title, doc._originalId])).toEqual([
      ['a', 'A draft', 'drafts.a'],
      ['b', 'B only draft', 'drafts.b'],
      ['c', 'C', 'c'],
    ])
  })

  it('tells drafts apart with the shared filter in every perspective', async () => {
    const dataset = createLocalDataset(docs)
    const drafts = (perspective: ClientPerspective) =>
      dataset.fetch(`*[${IS_DRAFT_FILTER}].title`, {}, {perspective})
    expect(await drafts('published')).toEqual([])
    expect(await drafts('drafts')).toEqual(['A draft', 'B only draft'])
    expect(await drafts(['rSpring', 'drafts'])).toEqual(['B only draft'])
    expect(await drafts('raw')).toEqual(['A draft', 'B only draft'])
    // What the filter replaces: in a perspective the draft carries the published id.
    expect(await dataset.fetch(`*[_id in path("drafts.**")]`, {}, {perspective: 'drafts'})).toEqual(
      [],
    )
  })

  it('dereferences into the same perspective and takes parameters', async () => {
    const dataset = createLocalDataset(docs)
    const query = '*[_id == $id][0].friend->title'
    expect(await dataset.fetch(query, {id: 'c'})).toBe('A published')
    expect(await dataset.fetch(query, {id: 'c'}, {perspective: 'drafts'})).toBe('A draft')
    expect(await dataset.fetch('count(*)', {}, {perspective: 'raw'})).toBe(docs.length)
  })

  it('answers each call of the same query with its own parameters', async () => {
    const dataset = createLocalDataset(docs)
    const query = '*[_id == $id][0]{title, "limit": $limit}'
    expect(await dataset.fetch(query, {id: 'a', limit: 1})).toEqual({
      title: 'A published',
      limit: 1,
    })
    expect(await dataset.fetch(query, {id: 'c', limit: 2})).toEqual({title: 'C', limit: 2})
    // A parameter left out reads as null, as groq-js answers it.
    expect(await dataset.fetch(query, {id: 'c'})).toEqual({title: 'C', limit: null})
  })
})

describe('dataset files', () => {
  it('names the file and line of a broken document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dataset-'))
    const file = join(dir, 'broken.ndjson')
    writeFileSync(file, `${JSON.stringify(docs[0])}\n{"_id": "x", "_type": \n`)
    expect(() => openDatasetFile(file)).toThrow(`${file}:2`)
  })
})
