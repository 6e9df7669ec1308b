/**
 * Every malformed request gets a 4xx with a message saying what was wrong, never a 500, and never
 * a file system path (the lake's files are nobody's business but its own).
 */
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {RunningContentLake} from '../../lib/content-lake/server'
import {readDatasetSync} from '../../lib/storage'
import {SEED_DOCUMENTS, TEAM, toNdjson} from './fixtures'
import {rawRequest, startLake, temporaryDirectory} from './helpers'

let directory: Awaited<ReturnType<typeof temporaryDirectory>>
let datasetFile: string
let lake: RunningContentLake

beforeAll(async () => {
  directory = await temporaryDirectory()
  datasetFile = join(directory.path, 'production.ndjson')
  await writeFile(datasetFile, toNdjson(SEED_DOCUMENTS))
  lake = await startLake(datasetFile)
})

afterAll(async () => {
  await lake.close()
  await directory.remove()
})

const V = '/v2025-02-19'
const json = {'content-type': 'application/json'}
const post = (path: string, body: string) => ({path, method: 'POST', headers: json, body})
const mutate = (body: unknown) => post(`${V}/data/mutate/production`, JSON.stringify(body))
const act = (actions: unknown) => post(`${V}/data/actions/production`, JSON.stringify({actions}))
const query = (text: string) => ({
  path: `${V}/data/query/production?query=${encodeURIComponent(text)}`,
})

interface Case {
  path: string
  method?: string
  headers?: Record<string, string>
  body?: string | Buffer
}

const CASES: [string, Case][] = [
  ['a mutate body that is not JSON', post(`${V}/data/mutate/production`, '{"mutations": [')],
  ['a mutate body that is a list', post(`${V}/data/mutate/production`, '[]')],
  ['mutations that are not a list', mutate({mutations: 'create'})],
  ['no mutations', mutate({mutations: []})],
  ['a mutation that is a number', mutate({mutations: [5]})],
  ['a mutation of an unknown kind', mutate({mutations: [{upsert: {_id: 'x', _type: 'team'}}]})],
  ['a mutation with two kinds', mutate({mutations: [{create: {_type: 't'}, delete: {id: 'x'}}]})],
  ['a create that is a string', mutate({mutations: [{create: 'team'}]})],
  ['a patch with a number for id', mutate({mutations: [{patch: {id: 5, set: {}}}]})],
  ['a patch with neither id nor query', mutate({mutations: [{patch: {set: {name: 'x'}}}]})],
  ['a set that is not an object', mutate({mutations: [{patch: {id: TEAM._id, set: 5}}]})],
  ['an unset that is not a list', mutate({mutations: [{patch: {id: TEAM._id, unset: '_id'}}]})],
  ['an inc by a string', mutate({mutations: [{patch: {id: TEAM._id, inc: {n: 'one'}}}]})],
  [
    'an insert without items',
    mutate({mutations: [{patch: {id: TEAM._id, insert: {after: 'a[-1]'}}}]}),
  ],
  [
    'a diffMatchPatch that is not a patch',
    mutate({mutations: [{patch: {id: TEAM._id, diffMatchPatch: {name: 'nonsense'}}}]}),
  ],
  ['a delete without id or query', mutate({mutations: [{delete: {}}]})],
  ['a delete by a query that is a number', mutate({mutations: [{delete: {query: 5}}]})],
  [
    'a delete by a query that does not parse',
    mutate({mutations: [{delete: {query: '*[_type == ]'}}]}),
  ],
  [
    'a delete by a query that selects no documents',
    mutate({mutations: [{delete: {query: 'count(*)'}}]}),
  ],
  [
    'a transaction id that is a number',
    mutate({mutations: [{delete: {id: 'x'}}], transactionId: 5}),
  ],
  [
    'a transaction id with a slash',
    mutate({mutations: [{delete: {id: 'x'}}], transactionId: '../x'}),
  ],
  ['a dry run', mutate({mutations: [{delete: {id: 'x'}}], dryRun: true})],
  ['an action that is empty', act([{}])],
  ['an action of an unknown type', act([{actionType: 'sanity.action.document.explode'}])],
  ['an edit without ids', act([{actionType: 'sanity.action.document.edit', patch: {}}])],
  [
    'a publish with a number for the draft',
    act([{actionType: 'sanity.action.document.publish', draftId: 5, publishedId: 'x'}]),
  ],
  [
    'a create without attributes',
    act([{actionType: 'sanity.action.document.create', publishedId: 'x'}]),
  ],
  [
    'a create whose draft id is a number',
    act([
      {
        actionType: 'sanity.action.document.create',
        publishedId: 'x',
        attributes: {_id: 5, _type: 't'},
      },
    ]),
  ],
  [
    'a delete with drafts that are not a list',
    act([
      {actionType: 'sanity.action.document.delete', publishedId: 'x', includeDrafts: 'drafts.x'},
    ]),
  ],
  ['no actions', post(`${V}/data/actions/production`, '{"actions": []}')],
  ['a query without a query', {path: `${V}/data/query/production`}],
  ['a query that does not parse', query('*[_type == ]')],
  ['a query parameter that is not JSON', {path: `${V}/data/query/production?query=*&%24slug=oops`}],
  [
    'a query with an unknown perspective list',
    {path: `${V}/data/query/production?query=*&perspective=,`},
  ],
  ['a slice that is not constant', query('*[0..$end]')],
  [
    'a query that is far too long',
    post(
      `${V}/data/query/production`,
      JSON.stringify({query: `*[${'_id == "x" || '.repeat(8000)}false]`}),
    ),
  ],
  [
    'a POST query with params that are a list',
    post(`${V}/data/query/production`, '{"query": "*", "params": [1]}'),
  ],
  ['a document path that is not URL encoding', {path: `${V}/data/doc/production/%E0%A4%A`}],
  ['another dataset', {path: `${V}/data/query/staging?query=*`}],
  ['a listener for a query that does not parse', {path: `${V}/data/listen/production?query=*%5B`}],
  [
    'settings that are not JSON',
    {path: `${V}/users/me/keyvalue`, method: 'PUT', headers: json, body: 'x'},
  ],
  [
    'settings without keys',
    {path: `${V}/users/me/keyvalue`, method: 'PUT', headers: json, body: '[{}]'},
  ],
  [
    'a setting of 100 kB',
    {
      path: `${V}/users/me/keyvalue`,
      method: 'PUT',
      headers: json,
      body: JSON.stringify([{key: 'big', value: 'x'.repeat(100_000)}]),
    },
  ],
  [
    'a body over the limit',
    {
      path: `${V}/data/mutate/production`,
      method: 'POST',
      headers: {...json, 'content-length': String(64 * 1024 * 1024)},
      body: '',
    },
  ],
  [
    'an empty upload',
    {
      path: `${V}/assets/images/production`,
      method: 'POST',
      headers: {'content-type': 'image/png'},
      body: '',
    },
  ],
  [
    'an upload that is not an image',
    {
      path: `${V}/assets/images/production`,
      method: 'POST',
      headers: {'content-type': 'image/png'},
      body: 'not a picture',
    },
  ],
  [
    'an asset file name that walks up',
    {path: '/images/local/production/..%2F..%2Fproduction.ndjson'},
  ],
  ['an asset that does not exist', {path: `/images/local/production/${'0'.repeat(40)}-1x1.png`}],
  ['a route that does not exist', {path: `${V}/data/explode/production`}],
]

describe('malformed requests', () => {
  it.each(CASES)('%s: a 4xx with a message, no path', async (_name, request) => {
    const before = readDatasetSync(datasetFile).documents
    const answer = await rawRequest(lake.url, request.path, request)
    expect(answer.status).toBeGreaterThanOrEqual(400)
    expect(answer.status).toBeLessThan(500)
    const body = JSON.parse(answer.text) as {
      error: {description: string; items?: {error: {description: string}}[]}
    }
    expect(
      body.error.description.length + (body.error.items?.[0]?.error.description.length ?? 0),
    ).toBeGreaterThan(10)
    expect(answer.text).not.toContain(directory.path)
    expect(answer.text).not.toMatch(/\/(tmp|home|work|root|usr)\//)
    expect(readDatasetSync(datasetFile).documents).toEqual(before)
  })
})
