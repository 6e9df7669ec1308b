import {readdirSync, readFileSync, statSync} from 'node:fs'
import {join, relative} from 'node:path'

import {describe, expect, it} from 'vitest'
import {parseDocument} from 'yaml'

import {FRONT_MATTER_HOMES} from '../../lib/model/frontMatter'
import {posting} from '../../schemas/documents/posting'
import {schemaTypes} from '../../schemas'

const CORPUS = join(import.meta.dirname, '../../../shared/corpus/content')

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? markdownFiles(path) : name.endsWith('.md') ? [path] : []
  })
}

function frontMatterKeys(file: string): string[] {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'))
  if (!match?.[1]) return []
  const data = parseDocument(match[1]).toJS() as Record<string, unknown>
  return Object.keys(data)
}

/** Does `path` (like `location.display` or `hugo.section`) name a field of the posting type? */
function isPostingField(path: string): boolean {
  if (path === '_id') return true
  const [head, ...rest] = path.split('.')
  const field = posting.fields.find((candidate) => candidate.name === head)
  if (!field) return false
  if (rest.length === 0) return true
  const objectType = schemaTypes.find((type) => type.name === field.type) as
    {fields?: {name: string}[]} | undefined
  return rest.length === 1 && Boolean(objectType?.fields?.some((sub) => sub.name === rest[0]))
}

describe('front matter of the real postings', () => {
  const files = markdownFiles(CORPUS)

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  it.each(files.map((file) => [relative(CORPUS, file), file]))(
    'every key of %s has a home in the model',
    (_name, file) => {
      const homeless = frontMatterKeys(file).filter(
        (key) => !(key.trim().toLowerCase() in FRONT_MATTER_HOMES),
      )
      expect(homeless).toEqual([])
    },
  )

  it('points every mapped key at a field that exists in the posting schema', () => {
    const broken = Object.entries(FRONT_MATTER_HOMES)
      .filter(([, home]) => 'field' in home && !isPostingField(home.field))
      .map(([key]) => key)
    expect(broken).toEqual([])
  })
})
