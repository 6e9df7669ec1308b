/**
 * The compiled evaluator must answer exactly as groq-js does. Every case runs both ways on the
 * same documents and the answers are compared as JSON (so key order counts too); the website's
 * own queries also run through the local dataset against a plain groq-js evaluation of the whole
 * perspective, with `now` pinned.
 */
import {evaluateSync, parse} from 'groq-js'
import {describe, expect, it} from 'vitest'

import {
  createLocalDataset,
  documentsInPerspective,
  PERSPECTIVES,
  type StoredDocument,
} from '../../lib/dataset'
import {compileQuery} from '../../lib/dataset/compiledQuery'
import * as queries from '../../lib/queries/queries'
import {careersFixture, FIXTURE_NOW} from '../fixtures/documents/careers'

const NOW = new Date('2026-06-01T12:00:00Z')

/** Values groq-js treats differently by type: numbers vs strings, bad and offset dates, nulls. */
const documents: StoredDocument[] = [
  {_id: 'team-a', _type: 'team', name: 'Platform', slug: {current: 'platform'}},
  {_id: 'team-b', _type: 'team', name: 'Storage', slug: {current: 'storage'}},
  {_id: 'team-c', _type: 'team', name: 'No slug'},
  {
    _id: 'p1',
    _type: 'posting',
    title: 'One',
    slug: {current: 'one'},
    rank: 1,
    language: 'en',
    publishedAt: '2026-01-01T00:00:00Z',
    validThrough: '2026-06-01T12:00:00Z',
    team: {_ref: 'team-a'},
    aliases: ['/old-one'],
    tags: ['a', 'b'],
  },
  {
    _id: 'p2',
    _type: 'posting',
    title: 'Two',
    slug: {current: 'two'},
    rank: '1',
    language: 'sv',
    publishedAt: '2026-01-01T00:00:00Z',
    validThrough: '2026-06-01T14:00:00+02:00',
    team: {_ref: 'team-b'},
  },
  {
    _id: 'p3',
    _type: 'posting',
    title: 'Three',
    slug: {current: 'three'},
    rank: 2.5,
    language: 'en',
    publishedAt: 20260101,
    validThrough: '2026-06-01T12:00:00.001Z',
    team: {_ref: 'team-missing'},
    open: true,
  },
  {
    _id: 'p4',
    _type: 'posting',
    title: null,
    slug: {current: 'four'},
    publishedAt: '2025-12-31T23:00:00-02:00',
    validThrough: 'next year',
    team: 'team-a',
  },
  {_id: 'p5', _type: 'posting', slug: 'five', validThrough: 20270101, team: {_ref: 'team-c'}},
  {_id: 'p6', _type: 'posting', publishedAt: true, validThrough: null, open: 'yes'},
  {_id: 'drafts.p1', _type: 'posting', title: 'One draft', slug: {current: 'one'}, rank: 1},
  {_id: 'versions.r1.p2', _type: 'posting', title: 'Two in a release'},
  {_id: 'note', _type: 'note', tags: 'a', publishedAt: '2026-03-01T00:00:00Z'},
  // Ids that `path("drafts.**")` tells apart: its `.` matches any character but a line break.
  ...[
    'drafts',
    'drafts.',
    'draftsXy',
    'drafts\ny',
    'drafts.a\nb',
    'drafts.a.x',
    'p.q.x',
    'a.x',
  ].map((_id) => ({_id, _type: 'id'})),
]

const cases: [string, Record<string, unknown>][] = [
  ['*', {}],
  ['*[_type == "posting"]._id', {}],
  ['*[_type == $type && rank == $rank]._id', {type: 'posting', rank: 1}],
  ['*[rank == "1" || rank == 2.5]._id', {}],
  ['*[rank != 1]._id', {}],
  ['*[rank > 1]._id', {}],
  ['*[rank >= 1 && rank < 3]._id', {}],
  ['*[rank <= "1"]._id', {}],
  ['*[open]._id', {}],
  ['*[open == true]._id', {}],
  ['*[!open]._id', {}],
  ['*[!(open == true)]._id', {}],
  ['*[open || rank == 1]._id', {}],
  ['*[open && rank == 1]._id', {}],
  ['*[title == null]._id', {}],
  ['*[missing == $missing]._id', {}],
  ['*[defined(title)]._id', {}],
  ['*[!defined(slug.current)]._id', {}],
  ['*[_id in path("drafts.**")]._id', {}],
  ['*[tags in path("drafts.**") || "drafts" in path("drafts.**")]._id', {}],
  ['*[_type == "id"]{_id, "draft": _id in path("drafts.**"), "p": _id in path("p.*.x")}', {}],
  [
    '*[_type == "id"]{"a": _id in path("**.x"), "b": _id in path("*.x"), "c": _id in path($p)}',
    {p: 'drafts.*'},
  ],
  ['*[_id in path("versions.*")]._id', {}],
  ['*[_id in path("*")]._id', {}],
  ['*[_id in ["p1", "p3", null]]._id', {}],
  ['*[title in [null]]._id', {}],
  ['*["a" in tags]._id', {}],
  ['*[rank in path("p*")]._id', {}],
  ['*[_id in "p1"]._id', {}],
  ['*[dateTime(validThrough) > dateTime(now())]._id', {}],
  ['*[dateTime(validThrough) >= dateTime(now())]._id', {}],
  ['*[dateTime(validThrough) == dateTime($now)]._id', {now: NOW.toISOString()}],
  ['*[!defined(validThrough) || dateTime(validThrough) > dateTime(now())]._id', {}],
  ['*[validThrough > now()]._id', {}],
  ['*[dateTime(dateTime(validThrough)) < dateTime(now())]._id', {}],
  ['*[_type == "posting"] | order(publishedAt desc)._id', {}],
  ['*[_type == "posting"] | order(publishedAt asc)._id', {}],
  ['* | order(publishedAt)._id', {}],
  ['* | order(dateTime(publishedAt) desc, _id asc)._id', {}],
  ['* | order(rank desc, title asc)._id', {}],
  ['* | order(team, slug)._id', {}],
  ['*[_type == "posting"] | order(slug.current asc) {"slug": slug.current, _id}', {}],
  // `order()` straight over the dataset filters a sorted copy: ties (p1 and p2, the missing
  // ranks), mixed types and missing keys, both directions, several terms, chained filters.
  ['*[_type == "posting"] | order(publishedAt desc, rank)._id', {}],
  ['*[_type == "posting"][rank != 1] | order(publishedAt)._id', {}],
  ['(*[_type != "team"]) | order(slug.current desc, _id)._id', {}],
  ['*[defined(publishedAt)] | order(rank asc, publishedAt desc)._id', {}],
  ['*[_type == $type] | order(title) {_id, title}', {type: 'posting'}],
  ['* | order(missing desc)._id', {}],
  [
    '*[_type == "team"]{name, "newest": (*[_type == "posting"] | order(publishedAt desc))[0]._id}',
    {},
  ],
  [
    '*[_type == "posting"]{_id, "team": team->{name, "slug": slug.current}, "name": team->name}',
    {},
  ],
  ['*[_type == "posting" && team->slug.current == $team]._id', {team: 'platform'}],
  ['*[_type == "posting"]{"aliases": coalesce(aliases, []), "x": coalesce(missing, title, 1)}', {}],
  ['*[_type == "posting"]{"now": dateTime(now()), "valid": dateTime(validThrough)}', {}],
  [
    '*[_type == "posting"]{"drafts": path("drafts.**"), "count": count(tags), "n": count(title)}',
    {},
  ],
  ['*[_type == "posting"]{..., "extra": 1, _id}', {}],
  ['*[_type == "posting"]{_id, rank == 1 => {"first": true}, open => {...team}}', {}],
  ['*[_type == "posting"]{"tags": tags[], "first": tags[0], "last": tags[-1], "t": title[0]}', {}],
  ['*[_type == "posting"]{"both": [title, ...tags, ...title, rank]}', {}],
  ['*[_type == "posting"][0]', {}],
  ['*[_type == "posting"][-1]{_id}', {}],
  ['*[_type == "posting"][10]', {}],
  ['*[_id == $id][0].team->name', {id: 'p1'}],
  ['*[_type == "posting" && ($language == null || language == $language)]._id', {language: null}],
  ['*[_type == "posting" && ($language == null || language == $language)]._id', {language: 'en'}],
  ['count(*[_type == "posting"])', {}],
  ['count(*[_type == "posting"][0])', {}],
  ['*[_type == "team"]{name, "postings": count(*[_type == "posting"])}', {}],
  ['{"teams": *[_type == "team"].name, "now": now(), "p": $p}', {p: {a: 1}}],
  ['*[_type == "posting"]._id[0]', {}],
  ['*[_type == "posting"].slug.current', {}],
  ['$missing', {}],
  ['[1, "a", null, true]', {}],
]

const byId = new Map(documents.map((document) => [document._id, document]))

function groqJs(query: string, params: Record<string, unknown>, dataset: readonly unknown[]) {
  return evaluateSync(parse(query, {params}), {
    dataset,
    params,
    timestamp: NOW,
    dereference: ({_ref}) => byId.get(_ref) ?? null,
  }).get()
}

describe('compiled query evaluation', () => {
  it.each(cases)('answers %s as groq-js does', async (query, params) => {
    const compiled = compileQuery(parse(query, {params}), {
      dataset: documents,
      params,
      timestamp: NOW,
      dereference: (id) => byId.get(id) ?? null,
    })
    expect(compiled, 'the compiled path covers this query').toBeDefined()
    const expected = await groqJs(query, params, documents)
    const actual = compiled?.()
    expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
    expect(actual).toEqual(expected)
  })

  it.each([
    '*[_type == "posting"]{"up": ^._id}',
    '*[_type == "posting"] | score(title match "one")',
    '*[_type == "posting"]{"label": select(rank == 1 => "first", "other")}',
    '*[_type == "posting"]{"n": rank + 1}',
    '*[title match "one"]',
    '*[_type == "posting"][0..1]',
    '*[_type == "posting"]{"s": string::startsWith(_id, "p")}',
  ])('leaves %s to groq-js', (query) => {
    const tree = parse(query)
    const context = {dataset: documents, params: {}, timestamp: NOW, dereference: () => null}
    expect(compileQuery(tree, context)).toBeUndefined()
  })

  it('gives each evaluation its own arrays, as groq-js does', () => {
    const tree = parse('*[_type == "posting"]{"aliases": coalesce(aliases, [])}')
    const context = {dataset: documents, params: {}, timestamp: NOW, dereference: () => null}
    const [first, second] = compileQuery(tree, context)?.() as {aliases: unknown[]}[]
    expect(first?.aliases).not.toBe(second?.aliases)
  })
})

const PARAMS: Record<string, Record<string, unknown>[]> = {
  OPEN_POSTINGS_QUERY: [{language: null}, {language: 'en'}, {language: 'sv'}, {language: 'fi'}],
  POSTING_BY_SLUG_QUERY: [{slug: 'one'}, {slug: 'platform-engineer'}, {slug: 'data-engineer'}],
  OPEN_POSTINGS_BY_TEAM_QUERY: [{team: 'platform'}, {team: 'storage'}, {team: 'nobody'}],
}

describe("the website's queries on the local dataset", () => {
  const stored = [...careersFixture, ...documents]
  const storedAt = new Date('2026-05-01T08:00:00Z')
  const dataset = createLocalDataset(stored, {now: () => FIXTURE_NOW, storedAt})
  const cases = Object.entries(queries).flatMap(([name, query]) =>
    PERSPECTIVES.flatMap((perspective) =>
      (PARAMS[name] ?? [{}]).map((params) => [name, perspective, params, query] as const),
    ),
  )

  it.each(cases)(
    '%s (%s, %j) equals a full groq-js evaluation',
    async (_, perspective, params, query) => {
      // The same documents the dataset stores, with the timestamps it adds.
      const view = documentsInPerspective(
        stored.map((doc) => ({
          ...doc,
          _createdAt: doc._createdAt ?? storedAt.toISOString(),
          _updatedAt: doc._updatedAt ?? doc._createdAt ?? storedAt.toISOString(),
        })),
        perspective,
      )
      const viewById = new Map(view.map((doc) => [doc._id, doc]))
      const expected = await evaluateSync(parse(query, {params}), {
        dataset: view,
        params,
        timestamp: FIXTURE_NOW,
        dereference: ({_ref}) => viewById.get(_ref) ?? null,
      }).get()
      const actual = await dataset.fetch(query, params, {perspective})
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
    },
  )

  it.each(['OPEN_POSTINGS_QUERY', 'OPEN_POSTINGS_BY_TEAM_QUERY', 'FEED_POSTINGS_QUERY'] as const)(
    'takes the compiled path for %s',
    (name) => {
      const context = {dataset: stored, params: {}, timestamp: FIXTURE_NOW, dereference: () => null}
      expect(compileQuery(parse(queries[name]), context)).toBeDefined()
    },
  )
})
