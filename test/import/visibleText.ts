import {parse as parseYaml} from 'yaml'

import {EMPLOYMENT_TYPES} from '../../lib/model/vocabulary'

/**
 * The words a reader sees on a Hugo page, extracted independently of the importer (regular
 * expressions over the source), so the coverage test does not trust the code it checks.
 */
const VISIBLE_FRONT_MATTER = ['title', 'intro', 'team', 'location', 'duration', 'sidebarlinkname']
// Shortcode parameters that hold text; the others are links, images, icons and colours.
const TEXT_PARAMS = new Set([
  'title',
  'text',
  'description',
  'cardtitle',
  'linktext',
  'name',
  'phone',
  'email',
  'address',
  'alt',
])

export function visibleWordsOfSource(source: string): Set<string> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source)
  const frontMatter = (parseYaml(match?.[1] ?? '') ?? {}) as Record<string, unknown>
  const texts: string[] = []
  for (const [key, value] of Object.entries(frontMatter)) {
    if (VISIBLE_FRONT_MATTER.includes(key.toLowerCase()) && typeof value === 'string')
      texts.push(value)
  }
  let body = match?.[2] ?? ''
  body = body.replace(
    /\{\{[<%]\s*\/?\s*([\w-]+)((?:[^>%"`]|"[^"]*"|`[^`]*`)*?)\s*\/?[>%]\}\}/g,
    (_, _name: string, params: string) => {
      const words: string[] = []
      for (const param of params.matchAll(/(?:([\w-]+)\s*=\s*)?("[^"]*"|`[^`]*`)/g)) {
        const value = (param[2] ?? '').slice(1, -1)
        const named = param[1]
        const isText = named ? TEXT_PARAMS.has(named) : !/^(https?:|mailto:|#|\/)/.test(value)
        if (isText) words.push(value)
      }
      return ` ${words.join(' ')} `
    },
  )
  body = body
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links: the text is visible, the address is not
    .replace(/<[^>]+>/g, ' ') // HTML tags
    .replace(/&[a-z]+;|&#\d+;/gi, ' ')
    .replace(/^\s*(?:\d+[.)]|[-*+])\s+/gm, ' ') // list markers
  texts.push(body)
  return tokens(texts.join('\n'))
}

/** Every text a posting shows, including the documents it references (team, contact, process). */
export function visibleWordsOfPosting(
  postingId: string,
  documents: readonly {_id: string}[],
): Set<string> {
  const byId = new Map(documents.map((document) => [document._id, document]))
  const texts: string[] = []
  const seen = new Set<string>()
  const visit = (value: unknown, key = '') => {
    if (typeof value === 'string') {
      if (
        ![
          '_id',
          '_key',
          '_type',
          '_ref',
          '_sanityAsset',
          'url',
          'href',
          'legacyPath',
          'path',
        ].includes(key)
      )
        texts.push(value)
      if (key === 'employmentType')
        texts.push(EMPLOYMENT_TYPES.find((type) => type.value === value)?.title ?? '')
      if (key === '_ref' && !seen.has(value)) {
        seen.add(value)
        visit(byId.get(value))
      }
      return
    }
    if (Array.isArray(value)) value.forEach((item) => visit(item))
    else if (value && typeof value === 'object')
      for (const [field, fieldValue] of Object.entries(value)) visit(fieldValue, field)
  }
  visit(byId.get(postingId))
  return tokens(texts.join('\n'))
}

export function tokens(text: string): Set<string> {
  return new Set(
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [],
  )
}
