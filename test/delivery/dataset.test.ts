import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {createLocalDataset, draftsView, publishedView} from '../../lib/dataset'
import {openDatasetFile} from '../../lib/dataset/file'

const docs = [
  {_id: 'a', _type: 'thing', title: 'A published'},
  {_id: 'drafts.a', _type: 'thing', title: 'A draft'},
  {_id: 'drafts.b', _type: 'thing', title: 'B only draft'},
  {_id: 'c', _type: 'thing', title: 'C', friend: {_type: 'reference', _ref: 'a'}},
  {_id: 'versions.r1.c', _type: 'thing', title: 'C in a release'},
]

describe('perspectives', () => {
  it('published hides drafts and release versions', () => {
    expect(publishedView(docs).map((doc) => doc._id)).toEqual(['a', 'c'])
  })

  it('drafts puts each draft in place of its published version under the published id', () => {
    const view = draftsView(docs)
    expect(view.map((doc) => [doc._id, doc.title, doc._originalId])).toEqual([
      ['a', 'A draft', 'drafts.a'],
      ['b', 'B only draft', 'drafts.b'],
      ['c', 'C', 'c'],
    ])
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
