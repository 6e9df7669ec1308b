/**
 * Where each Hugo front-matter key of a page lives in the Sanity model: the one table the import
 * reads to fill fields and the export reads to write them back. Keys are matched
 * case-insensitively, as Hugo does.
 *
 * - A key with a `field` feeds that field of the document. When several keys feed one field,
 *   `precedence` says which wins, the way Hugo's own date rules do (`date`, else `publishDate`,
 *   else `lastmod`, is the page's date); the others are kept as written.
 * - A key with `kept` has no editorial meaning in the model (Hugo's own keys, layout switches of
 *   the website): it is kept verbatim in `hugo.frontMatter` and written back as it was.
 * Keys missing from the table are kept the same way, and the import reports them.
 *
 * `kind` names how a value reads and writes; lib/model/frontMatterValues.ts implements each.
 */
export type FrontMatterKind =
  | 'text'
  | 'slug'
  | 'team'
  | 'location'
  | 'employmentType'
  | 'draft'
  | 'date'
  | 'language'
  | 'image'
  | 'list'

export interface FieldHome {
  /** Path of the field in the document (`apply.url`). */
  field: string
  kind: FrontMatterKind
  /** How the export spells the key when the page had none. */
  spelling: string
  /** Lower wins when several keys feed the same field. */
  precedence?: number
  note?: string
}

export type FrontMatterHome = FieldHome | {kept: string}

const KEPT_LAYOUT = 'a layout switch of the website, written back as it was'
const KEPT_HUGO = "Hugo's own, written back as it was"

export const FRONT_MATTER_HOMES: Readonly<Record<string, FrontMatterHome>> = {
  title: {field: 'title', kind: 'text', spelling: 'Title'},
  slug: {field: 'slug', kind: 'slug', spelling: 'slug', note: "Hugo's path segment of the value"},
  intro: {field: 'intro', kind: 'text', spelling: 'intro'},
  team: {field: 'team', kind: 'team', spelling: 'Team', note: 'a team document, by name'},
  location: {
    field: 'location',
    kind: 'location',
    spelling: 'Location',
    note: 'the text, plus workplace type, countries and city read from it',
  },
  duration: {field: 'employmentType', kind: 'employmentType', spelling: 'Duration'},
  draft: {
    field: '_id',
    kind: 'draft',
    spelling: 'draft',
    note: 'true makes a drafts.* document with no published version',
  },
  date: {field: 'publishedAt', kind: 'date', spelling: 'date', precedence: 1},
  publishdate: {
    field: 'publishedAt',
    kind: 'date',
    spelling: 'publishDate',
    precedence: 2,
    note: "Hugo's publish date: the page's date when it has no `date`",
  },
  lastmod: {
    field: 'publishedAt',
    kind: 'date',
    spelling: 'lastmod',
    precedence: 3,
    note: "Hugo's last-modified date: the page's date when it has neither of the others",
  },
  expirydate: {
    field: 'validThrough',
    kind: 'date',
    spelling: 'expiryDate',
    precedence: 1,
    note: "Hugo's own expiry date: Hugo stops building the page after it",
  },
  unpublishdate: {
    field: 'validThrough',
    kind: 'date',
    spelling: 'unpublishdate',
    precedence: 2,
    note: "Hugo's other name for the expiry date",
  },
  validthrough: {field: 'validThrough', kind: 'date', spelling: 'validThrough', precedence: 3},
  sidebarlinkurl: {field: 'apply.url', kind: 'text', spelling: 'sidebarlinkurl'},
  sidebarlinkname: {field: 'apply.label', kind: 'text', spelling: 'sidebarlinkname'},
  sidebarlinkicon: {field: 'apply.icon', kind: 'text', spelling: 'sidebarlinkicon'},
  sidebarimage: {field: 'sidebarImage', kind: 'image', spelling: 'sidebarimage'},
  socialmedia: {field: 'socialImage', kind: 'image', spelling: 'socialmedia', precedence: 1},
  socialmediabild: {
    field: 'socialImage',
    kind: 'image',
    spelling: 'socialmediabild',
    precedence: 2,
  },
  language: {field: 'language', kind: 'language', spelling: 'language'},
  toc: {field: 'tableOfContentsLabel', kind: 'text', spelling: 'TOC'},
  aliases: {field: 'aliases', kind: 'list', spelling: 'aliases'},
  tags: {field: 'tags', kind: 'list', spelling: 'tags'},
  translationkey: {kept: 'groups translations of one page; the import links them'},
  section: {kept: 'the section name the page header shows'},
  showthedate: {kept: KEPT_LAYOUT},
  card: {kept: KEPT_LAYOUT},
  eventbild: {kept: KEPT_LAYOUT},
  list: {kept: 'the list layout of a section page'},
  weight: {kept: `${KEPT_HUGO}: the order of pages in lists`},
  url: {kept: `${KEPT_HUGO}: the page's own address, which overrides the slug`},
  description: {kept: KEPT_HUGO},
  keywords: {kept: KEPT_HUGO},
  summary: {kept: KEPT_HUGO},
  linktitle: {kept: KEPT_HUGO},
  layout: {kept: KEPT_HUGO},
  type: {kept: KEPT_HUGO},
  outputs: {kept: KEPT_HUGO},
  sitemap: {kept: KEPT_HUGO},
  headless: {kept: KEPT_HUGO},
  build: {kept: KEPT_HUGO},
  cascade: {kept: KEPT_HUGO},
  markup: {kept: KEPT_HUGO},
  metatitle: {kept: KEPT_LAYOUT},
  nosidebar: {kept: KEPT_LAYOUT},
  fullwidth: {kept: KEPT_LAYOUT},
  sidebartext: {kept: KEPT_LAYOUT},
  background: {kept: KEPT_LAYOUT},
}

export function frontMatterHome(key: string): FrontMatterHome | undefined {
  return FRONT_MATTER_HOMES[key.trim().toLowerCase()]
}

export function isFieldHome(home: FrontMatterHome | undefined): home is FieldHome {
  return home !== undefined && 'field' in home
}

/** The table's keys that feed `field`, best first. */
export function keysOfField(field: string): string[] {
  return Object.entries(FRONT_MATTER_HOMES)
    .filter(
      (entry): entry is [string, FieldHome] => isFieldHome(entry[1]) && entry[1].field === field,
    )
    .sort(([, a], [, b]) => (a.precedence ?? 0) - (b.precedence ?? 0))
    .map(([key]) => key)
}

/** Every field the table fills, in table order. */
export const FRONT_MATTER_FIELDS: readonly string[] = [
  ...new Set(
    Object.values(FRONT_MATTER_HOMES)
      .filter(isFieldHome)
      .map((home) => home.field),
  ),
]

/** A front-matter entry of one page as written: the key's spelling and its value as JSON. */
export interface WrittenEntry {
  key: string
  /** JSON text of the value exactly as the page had it. */
  value: string
}

/**
 * Which of a page's front-matter keys feeds each field: the first spelling of the best-ranked
 * key it has. The import fills the field from that key; the export writes that key from the
 * field.
 */
export function sourceKeys(keys: readonly string[]): Map<string, string> {
  const sources = new Map<string, string>()
  for (const field of FRONT_MATTER_FIELDS) {
    for (const candidate of keysOfField(field)) {
      const spelling = keys.find((key) => key.trim().toLowerCase() === candidate)
      if (spelling !== undefined) {
        sources.set(field, spelling)
        break
      }
    }
  }
  return sources
}

/** The fields of a posting the table fills. */
export const POSTING_FRONT_MATTER_FIELDS: ReadonlySet<string> = new Set([
  'title',
  'slug',
  'intro',
  'team',
  'location',
  'employmentType',
  '_id',
  'publishedAt',
  'validThrough',
  'apply.url',
  'apply.label',
  'apply.icon',
  'sidebarImage',
  'socialImage',
  'language',
  'tableOfContentsLabel',
  'aliases',
  'tags',
])

/** The careers page has a heading, an intro, a button and a share image of its own. */
export const CAREERS_PAGE_FRONT_MATTER_FIELDS: ReadonlySet<string> = new Set([
  'title',
  'intro',
  '_id',
  'apply.url',
  'apply.label',
  'apply.icon',
  'socialImage',
  'language',
])
