/**
 * "Create translation" writes one transaction through the Actions API; run against the local
 * Content Lake, it leaves every posting of the group listing all the others, drafts included.
 */
import {writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import type {RunningContentLake} from '../../lib/content-lake/server'
import {translationProblems} from '../../lib/model/translations'
import {createTranslationActions} from '../../plugins/careers/translationActions'
import {toNdjson} from '../content-lake/fixtures'
import {clientFor, startLake, temporaryDirectory} from '../content-lake/helpers'

const weak = (id: string) => ({_type: 'reference', _ref: id, _weak: true, _key: id})
const english = {
  _id: 'posting-devops',
  _type: 'posting',
  title: 'DevOps Engineer',
  language: 'en',
  translations: [weak('posting-devops-sv')],
}
const swedish = {
  _id: 'posting-devops-sv',
  _type: 'posting',
  title: 'DevOps-ingenjör',
  language: 'sv',
  translations: [weak('posting-devops')],
}

let directory: Awaited<ReturnType<typeof temporaryDirectory>>
let lake: RunningContentLake

beforeAll(async () => {
  directory = await temporaryDirectory()
  const datasetFile = join(directory.path, 'production.ndjson')
  await writeFile(datasetFile, toNdjson([english, swedish]))
  lake = await startLake(datasetFile)
})

afterAll(async () => {
  await lake.close()
  await directory.remove()
})

describe('creating a translation', () => {
  it('adds a Norwegian draft linked both ways with the English and the Swedish posting', async () => {
    const client = clientFor(lake.url)
    await client.action(
      createTranslationActions(
        {id: english._id, type: 'posting', title: english.title, translations: [swedish._id]},
        'posting-devops-no',
        'no',
      ),
    )
    const group = await client.fetch<
      {_id: string; _originalId: string; language: string; translations: string[]}[]
    >(
      '*[_type == "posting"]{_id, _originalId, language, "translations": translations[]._ref}',
      {},
      {perspective: 'drafts'},
    )
    // Published postings got drafts with the new link; the published versions are untouched.
    expect(group.map(({_originalId}) => _originalId).sort()).toEqual([
      'drafts.posting-devops',
      'drafts.posting-devops-no',
      'drafts.posting-devops-sv',
    ])
    expect(lake.store.get(english._id)?.translations).toEqual(english.translations)
    const versions = group.map((posting) => ({...posting, id: posting._id}))
    for (const posting of versions) {
      expect(translationProblems(posting, versions), posting.id).toEqual([])
      expect(posting.translations).toHaveLength(2)
    }
    expect(versions.find(({id}) => id === 'posting-devops-no')).toMatchObject({language: 'no'})
  })
})
