/**
 * The query index the benchmark called for must never change an answer: every query here runs
 * once over all documents and once over the index's candidates, and the results must be equal.
 */
import {evaluate, parse} from 'groq-js'
import {describe, expect, it} from 'vitest'

import {createQueryIndex} from '../../lib/dataset/queryIndex'

const documents = [
  {_id: 'team-a', _type: 'team', name: 'Platform', slug: {current: 'platform'}},
  {_id: 'team-b', _type: 'team', name: 'Storage', slug: {current: 'storage'}},
  {_id: 'p1', _type: 'posting', slug: {current: 'one'}, rank: 1, team: {_ref: 'team-a'}},
  {_id: 'p2', _type: 'posting', slug: {current: 'two'}, rank: '1', team: {_ref: 'team-c'}},
  {_id: 'p3', _type: 'posting', slug: {current: 'three'}, open: true, team: {_ref: 'team-a'}},
  {_id: 'p4', _type: 'posting', tags: ['one'], team: {_ref: 'team-c'}},
  {_id: 'team-c', _type: 'team', name: 'Also platform', slug: {current: 'platform'}},
  {_id: 'p5', _type: 'posting', team: {_ref: 'team-b'}},
  {_id: 'p6', _type: 'posting', team: {_ref: 'team-gone'}},
  {_id: 'p7', _type: 'posting', team: 'team-a'},
  {_id: 'drafts.p1', _type: 'posting', slug: {current: 'one'}, rank: 1},
]

const cases: [string, Record<string, unknown>][] = [
  ['*[_type == "posting" && slug.current == $slug][0]{_id, "team": team->name}', {slug: 'one'}],
  ['*[_type == "posting" && slug.current == $slug]._id', {slug: 'missing'}],
  ['*[(_type == "posting") && rank == 1]._id', {}],
  ['*[rank == $rank]._id', {rank: '1'}],
  ['*[open == true]._id', {}],
  ['*[slug.current == null]._id', {}],
  ['*[_type == "posting" || slug.current == "platform"]._id', {}],
  ['*[_type == "posting" && team._ref in *[_type == "team" && name == "Platform"]._id]._id', {}],
  ['*[_type == "posting" && tags == "one"]._id', {}],
  ['count(*[_type == "team"])', {}],
  ['*[_type == $type] | order(_id desc)._id', {type: 'posting'}],
  ['*[_type == "posting" && team->slug.current == $team]._id', {team: 'platform'}],
  ['*[team->slug.current == $team && team->name == "Storage"]._id', {team: 'storage'}],
  ['*[team->slug.current == $team]._id', {team: 'nobody'}],
  ['*[team->_id == "team-gone"]._id', {}],
  ['*[team->name == $name]._id', {name: null}],
]

describe('query index', () => {
  const index = createQueryIndex(documents)
  const byId = new Map(documents.map((document) => [document._id, document]))
  const run = async (query: string, params: Record<string, unknown>, indexed: boolean) => {
    const tree = parse(query, {params})
    const result = await evaluate(tree, {
      dataset: indexed ? index.candidates(tree, params) : documents,
      params,
      dereference: ({_ref}) => byId.get(_ref) ?? null,
    })
    return result.get()
  }

  it.each(cases)('answers %s as a full scan does', async (query, params) => {
    expect(await run(query, params, true)).toEqual(await run(query, params, false))
  })

  it('narrows a lookup by slug to the matching documents', () => {
    const params = {slug: 'one'}
    const tree = parse('*[_type == "posting" && slug.current == $slug][0]', {params})
    expect(index.candidates(tree, params).map((document) => document._id)).toEqual([
      'p1',
      'drafts.p1',
    ])
  })

  it('narrows a filter on a referenced document to the documents that refer to it', () => {
    const params = {team: 'platform'}
    const tree = parse('*[_type == "posting" && team->slug.current == $team]', {params})
    expect(index.candidates(tree, params).map((document) => document._id)).toEqual([
      'p1',
      'p2',
      'p3',
      'p4',
    ])
  })

  it('scans everything when the query reads the dataset twice', () => {
    const tree = parse('*[_type == "posting" && team._ref in *[_type == "team"]._id]')
    expect(index.candidates(tree, {})).toHaveLength(documents.length)
  })
})
