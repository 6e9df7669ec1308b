/**
 * A deterministic synthetic Hugo corpus for the benchmark: N careers pages recombined from the
 * project's example content (and ../shared/corpus when it is there), with our own fictional
 * titles, teams and recruiters. The same options always give byte-identical files, so runs on
 * different machines or days measure the same input.
 */
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'

import {splitFrontMatter, stringValue} from '../lib/hugo/frontMatter'
import {knownTemplate} from '../lib/import/shortcodes'
import {slugify} from '../lib/model/slug'

export const BENCH_LANGUAGES = ['en', 'sv', 'no'] as const
export type BenchLanguage = (typeof BENCH_LANGUAGES)[number]

export interface GenerateOptions {
  postings: number
  /** Written as `<outDir>/content/…`; replaced as a whole. */
  outDir: string
  /** Folders of Hugo content to recombine; those that do not exist are skipped. */
  sources: string[]
  seed?: number
}

export interface GeneratedCorpus {
  contentDir: string
  sources: string[]
  postings: number
  bytes: number
  drafts: number
  blogStyle: number
  languages: Record<BenchLanguage, number>
  teams: number
  contacts: number
  processes: number
}

type SegmentKind =
  | 'ingress'
  | 'process'
  | 'faq'
  | 'note'
  | 'contact'
  | 'apply'
  | 'heading'
  | 'list'
  | 'html'
  | 'paragraph'
  | 'chrome'

interface Segment {
  kind: SegmentKind
  text: string
}

type SegmentPool = Record<SegmentKind, Segment[]>

const DEFAULT_SEED = 20_261_128

/** mulberry32: tiny, fast and good enough to pick segments reproducibly. */
function createRandom(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  return {
    next,
    chance: (probability: number) => next() < probability,
    integer: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('Cannot pick from an empty list.')
      return items[Math.floor(next() * items.length)] as T
    },
    /** Earlier items more often, like real teams: a few large ones and a long tail. */
    pickSkewed<T>(items: readonly T[]): T {
      return items[Math.floor(next() ** 2 * items.length)] as T
    },
  }
}
type Random = ReturnType<typeof createRandom>

// Our own fictional vocabulary, per language. Structure and long text come from the sources.
const ROLES: Record<BenchLanguage, string[]> = {
  en: [
    'Platform Engineer',
    'Storage Engineer',
    'Network Engineer',
    'Site Reliability Engineer',
    'Security Engineer',
    'Backend Developer',
    'Product Owner',
    'Account Manager',
    'Support Engineer',
    'Data Engineer',
    'Finance Controller',
    'Technical Writer',
  ],
  sv: [
    'Plattformsingenjör',
    'Lagringsingenjör',
    'Nätverksingenjör',
    'Driftingenjör',
    'Säkerhetsingenjör',
    'Backendutvecklare',
    'Produktägare',
    'Kundansvarig säljare',
    'Supporttekniker',
    'Ekonomiansvarig',
  ],
  no: [
    'Plattformingeniør',
    'Lagringsingeniør',
    'Nettverksingeniør',
    'Driftsingeniør',
    'Sikkerhetsingeniør',
    'Backendutvikler',
    'Produkteier',
    'Kundeansvarlig',
    'Supporttekniker',
    'Økonomiansvarlig',
  ],
}

const SENIORITY: Record<BenchLanguage, string[]> = {
  en: ['', 'Senior ', 'Junior ', 'Lead '],
  sv: ['', 'Senior ', 'Junior '],
  no: ['', 'Senior ', 'Junior '],
}

const INTROS: Record<BenchLanguage, string[]> = {
  en: [
    'Join a small team that keeps a Nordic cloud calm, fast and well documented.',
    'Help our customers keep their data close to home on infrastructure we run ourselves.',
    'Own a service end to end, from the first design sketch to the night it just works.',
  ],
  sv: [
    'Bli en del av ett litet team som håller ett nordiskt moln lugnt, snabbt och väldokumenterat.',
    'Hjälp våra kunder att ha sin data nära, på infrastruktur vi driver själva.',
  ],
  no: [
    'Bli med i et lite team som holder en nordisk sky rolig, rask og godt dokumentert.',
    'Hjelp kundene våre å ha dataene sine nær, på infrastruktur vi drifter selv.',
  ],
}

const PARAGRAPHS: Record<BenchLanguage, string[]> = {
  en: [
    'You will work closely with colleagues in three countries and spend most of your time on problems that matter to customers.',
    'We value written decisions, small changes and a steady pace over heroics.',
  ],
  sv: [
    'Du arbetar nära kollegor i tre länder och lägger det mesta av din tid på problem som spelar roll för kunderna.',
    'Vi värdesätter skrivna beslut, små förändringar och ett jämnt tempo framför hjältedåd.',
  ],
  no: [
    'Du jobber tett med kolleger i tre land og bruker mesteparten av tiden på problemer som betyr noe for kundene.',
    'Vi verdsetter skriftlige beslutninger, små endringer og et jevnt tempo fremfor heltedåder.',
    'Vi tilbyr fleksibel arbeidstid, gode forsikringer og fem ukers ferie.',
  ],
}

const HEADINGS: Record<BenchLanguage, string[]> = {
  en: ['## What you will do', '## What we hope you bring', '## Why us', '### Good to know'],
  sv: ['## Det här gör du', '## Det här hoppas vi att du har', '## Varför vi', '### Bra att veta'],
  no: ['## Dette gjør du', '## Dette håper vi du har', '## Hvorfor oss', '### Greit å vite'],
}

const LIST_ITEMS: Record<BenchLanguage, string[]> = {
  en: [
    'Experience running Linux servers in production',
    'Curiosity about storage, networks and the layers below them',
    'A habit of writing things down',
    '{{< inline "Build:" >}} Ship small, tested changes every week.',
  ],
  sv: [
    'Erfarenhet av att driva Linuxservrar i produktion',
    'Nyfikenhet på lagring, nätverk och lagren under dem',
    '{{< inline "Bygg:" >}} Leverera små, testade ändringar varje vecka.',
  ],
  no: [
    'Erfaring med å drifte Linux-servere i produksjon',
    'Nysgjerrighet på lagring, nettverk og lagene under dem',
    '{{< inline "Bygg:" >}} Lever små, testede endringer hver uke.',
  ],
}

const PROCESS_TITLES: Record<BenchLanguage, string> = {
  en: 'Our recruitment process',
  sv: 'Vår rekryteringsprocess',
  no: 'Vår rekrutteringsprosess',
}

const PROCESS_STEPS: Record<BenchLanguage, string[]> = {
  en: ['First call', 'Team interview', 'Practical session', 'References', 'Decision'],
  sv: ['Första samtalet', 'Teamintervju', 'Praktisk övning', 'Referenser', 'Beslut'],
  no: ['Første samtale', 'Teamintervju', 'Praktisk øvelse', 'Referanser', 'Beslutning'],
}

const TEAMS = [
  'Platform team',
  'Storage team',
  'Network team',
  'Customer success',
  'Security team',
  'Compute team',
  'Sales',
  'Finance',
  'Data platform',
  'Developer experience',
  'Object storage',
  'Backup and recovery',
  'Identity team',
  'Billing team',
  'Observability',
  'Support',
  'Marketing',
  'People and culture',
  'Data centre operations',
  'Managed databases',
  'Edge team',
  'Kubernetes team',
  'Compliance',
  'Partner team',
]

const LOCATIONS = [
  'Remote (Sweden or Norway)',
  'Sweden - Stockholm',
  'Sweden - Göteborg',
  'Norway - Oslo',
  'Norway - Remote',
  'Finland - Helsinki',
  'Denmark - Copenhagen',
]

const DURATIONS: Record<BenchLanguage, string[]> = {
  en: ['Full time', 'Part time', 'Full time, permanent'],
  sv: ['Heltid', 'Deltid'],
  no: ['Heltid', 'Deltid'],
}

const FIRST_NAMES = ['Signe', 'Erik', 'Maja', 'Olav', 'Ingrid', 'Jonas', 'Aino', 'Lars', 'Freja']
const LAST_NAMES = ['Lind', 'Berg', 'Dahl', 'Holm', 'Strand', 'Nyström', 'Vik', 'Lund']

/** Read the sources' pages, split their bodies into top-level blocks and sort them by kind. */
function collectSegments(sourceDirs: readonly string[]): {
  pools: Record<BenchLanguage, SegmentPool>
  used: string[]
} {
  const empty = (): SegmentPool => ({
    ingress: [],
    process: [],
    faq: [],
    note: [],
    contact: [],
    apply: [],
    heading: [],
    list: [],
    html: [],
    paragraph: [],
    chrome: [],
  })
  const pools: Record<BenchLanguage, SegmentPool> = {en: empty(), sv: empty(), no: empty()}
  const used: string[] = []
  for (const dir of sourceDirs) {
    let files: string[]
    try {
      files = markdownFiles(dir)
    } catch {
      continue
    }
    used.push(dir)
    for (const file of files) {
      const page = splitFrontMatter(readFileSync(file, 'utf8'))
      if (!('frontMatter' in page)) continue
      const language = (stringValue(page.frontMatter, 'language') ?? 'en').toLowerCase()
      const pool = pools[language === 'sv' ? 'sv' : language === 'no' ? 'no' : 'en']
      for (const segment of splitBlocks(page.body)) pool[segment.kind].push(segment)
    }
  }
  return {pools, used}
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort()
}

const OPENING_TAG = /\{\{[<%]\s*([\w-]+)/g
const CLOSING_TAG = /\{\{[<%]\s*\/\s*([\w-]+)/g

/** Blank-line separated blocks, keeping a paired shortcode (accordion, note…) in one block. */
function splitBlocks(body: string): Segment[] {
  const segments: Segment[] = []
  let lines: string[] = []
  let depth = 0
  const flush = () => {
    const text = lines.join('\n').trim()
    lines = []
    if (text) segments.push({kind: classify(text), text})
  }
  for (const line of body.split(/\r?\n/)) {
    for (const match of line.matchAll(OPENING_TAG))
      if (knownTemplate(match[1] ?? '')?.inner) depth++
    for (const match of line.matchAll(CLOSING_TAG))
      if (knownTemplate(match[1] ?? '')?.inner) depth--
    if (line.trim() === '' && depth <= 0) flush()
    else lines.push(line)
  }
  flush()
  return segments
}

function classify(text: string): SegmentKind {
  const shortcode = /^\{\{[<%]\s*([\w-]+)/.exec(text)?.[1]
  if (shortcode === 'ingress') return 'ingress'
  if (shortcode === 'accordion') {
    const title = /title="([^"]*)"/.exec(text)?.[1] ?? ''
    return /process|rekryt|recruit/i.test(title) ? 'process' : 'faq'
  }
  if (shortcode === 'note') return 'note'
  if (shortcode === 'horisontal-card' || shortcode === 'contact') return 'contact'
  if (
    shortcode &&
    /^(icon-block-horisontal|localbutton|2calltoaction|localtextbutton)$/.test(shortcode)
  )
    return 'apply'
  if (shortcode) return 'chrome'
  if (text.startsWith('#')) return 'heading'
  if (/^(\s*([-*+]|\d+\.)\s)/.test(text)) return 'list'
  if (text.startsWith('<')) return 'html'
  return 'paragraph'
}

/** Segments of one kind in the posting's language, falling back to English sources. */
function segmentsOf(pools: Record<BenchLanguage, SegmentPool>, language: BenchLanguage) {
  return (kind: SegmentKind): string[] => {
    const own = pools[language][kind]
    return (own.length > 0 ? own : pools.en[kind]).map((segment) => segment.text)
  }
}

/** A recruitment process in our own words; variants differ in their steps, as teams' do. */
function processAccordion(language: BenchLanguage, variant: number): string {
  const steps = PROCESS_STEPS[language]
    .filter((_, index) => index === 0 || (variant >> index) % 2 === 0 || index === 4)
    .map((step, index) => `${index + 1}. **${step}**`)
  return `{{% accordion title="${PROCESS_TITLES[language]}" %}}\n${steps.join('\n')}\n{{% /accordion %}}`
}

function contactCard(random: Random, language: BenchLanguage): {card: string; email: string} {
  const first = random.pick(FIRST_NAMES)
  const last = random.pick(LAST_NAMES)
  const email = `${slugify(`${first}.${last}`)}@norrsken-cloud.example`
  const question = {en: 'Questions about the role?', sv: 'Frågor om tjänsten?', no: 'Spørsmål?'}
  return {
    email,
    card: `{{< horisontal-card image="/img/people/${slugify(first)}.webp" cardtitle="${question[language]}" link="mailto:${email}" linktext="${first} ${last}" text="${first} ${last}, ${email}" >}}`,
  }
}

function quoted(value: string): string {
  return JSON.stringify(value)
}

interface Posting {
  relativePath: string
  text: string
  language: BenchLanguage
  draft: boolean
  blogStyle: boolean
  team?: string
  /** The recruiter's email: the import shares contacts by it. */
  contact?: string
  process?: string
}

function generatePosting(
  index: number,
  random: Random,
  pools: Record<BenchLanguage, SegmentPool>,
): Posting {
  const language: BenchLanguage = random.chance(0.6) ? 'en' : random.chance(0.6) ? 'sv' : 'no'
  const segments = segmentsOf(pools, language)
  const title = `${random.pick(SENIORITY[language])}${random.pick(ROLES[language])}`
  const serial = String(index + 1).padStart(5, '0')
  const slug = `${slugify(title)}-${serial}`
  const draft = random.chance(0.04)
  const day = random.integer(0, 8 * 365)
  const date = new Date(Date.UTC(2019, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)
  const body: string[] = []
  const pickSome = (kind: SegmentKind, min: number, max: number) => {
    const available = segments(kind)
    if (available.length === 0) return
    for (let count = random.integer(min, max); count > 0; count--) body.push(random.pick(available))
  }

  if (random.chance(0.04)) {
    // The older blog-style posting: lower-case keys, tags, aliases, raw HTML, no shortcodes.
    const year = date.slice(0, 4)
    const frontMatter = [
      `title: ${quoted(title)}`,
      `date: ${quoted(`${date}T09:00:00+01:00`)}`,
      `draft: ${draft}`,
      `tags: ["Jobs"]`,
      `section: "blogg"`,
      'aliases:',
      `    - /jobs/${slug}`,
    ]
    body.push(`## ${title}`, random.pick(PARAGRAPHS[language]))
    pickSome('html', 0, 2)
    pickSome('heading', 1, 3)
    pickSome('list', 1, 3)
    pickSome('paragraph', 1, 3)
    return {
      relativePath: path.join('blogg', year, `${slug}.md`),
      text: `---\n${frontMatter.join('\n')}\n---\n\n${body.join('\n\n')}\n`,
      language,
      draft,
      blogStyle: true,
    }
  }

  const team = random.pickSkewed(TEAMS)
  const capital = random.chance(0.5)
  const key = (name: string) => (capital ? name[0]?.toUpperCase() + name.slice(1) : name)
  const applyAnchor = random.chance(0.2)
  const applyUrl = applyAnchor
    ? '#down'
    : random.chance(0.5)
      ? `https://jobs.norrsken-cloud.example/apply/${slug}`
      : `mailto:jobs@norrsken-cloud.example?subject=${encodeURIComponent(title)}`
  const frontMatter = [
    `${key('title')}: ${quoted(title)}`,
    `intro: ${quoted(random.pick(INTROS[language]))}`,
    `${key('team')}: ${quoted(team)}`,
    `${key('location')}: ${quoted(random.pick(LOCATIONS))}`,
    `${key('duration')}: ${quoted(random.pick(DURATIONS[language]))}`,
    `draft: ${draft}`,
    `date: ${quoted(date)}`,
    `sidebarlinkurl: ${quoted(applyUrl)}`,
    `sidebarlinkname: ${quoted(language === 'en' ? 'Apply now' : language === 'sv' ? 'Ansök nu' : 'Søk nå')}`,
    `sidebarlinkicon: "fa-paper-plane-top"`,
    `language: ${quoted(language)}`,
    `socialmedia: "/socialmedia/norrsken-careers.jpg"`,
    ...(random.chance(0.5) ? [`sidebarimage: "norrsken-${slugify(team)}.svg"`] : []),
    ...(random.chance(0.4)
      ? [`TOC: ${quoted(language === 'en' ? 'On this page' : 'Innhold')}`]
      : []),
    ...(random.chance(0.1) ? ['aliases:', `    - /jobs/${slug}`] : []),
  ]

  if (random.chance(0.85)) pickSome('ingress', 1, 1)
  body.push(random.pick(PARAGRAPHS[language]))
  pickSome('paragraph', 0, 2)
  // Varied lengths: from a short note to a long page with many sections.
  for (let section = random.integer(1, 6); section > 0; section--) {
    body.push(
      random.chance(0.6) ? random.pick(HEADINGS[language]) : random.pick(segments('heading')),
    )
    if (random.chance(0.5)) pickSome('list', 1, 1)
    else body.push(`- ${random.pick(LIST_ITEMS[language])}\n- ${random.pick(LIST_ITEMS[language])}`)
    pickSome('paragraph', 0, 1)
  }
  if (random.chance(0.4)) pickSome('note', 1, 1)
  let process: string | undefined
  if (random.chance(0.75)) {
    const sourceProcesses = segments('process')
    process =
      sourceProcesses.length > 0 && random.chance(0.5)
        ? random.pick(sourceProcesses)
        : processAccordion(language, random.integer(0, 7))
    body.push(process)
  }
  pickSome('faq', 0, 2)
  if (body.some((block) => block.includes('accordion'))) body.push('{{< accordion-script >}}')
  if (applyAnchor) body.push('<div id="down"></div>')
  if (random.chance(0.6)) pickSome('apply', 1, 1)
  let contact: string | undefined
  if (random.chance(0.8)) {
    const card = contactCard(random, language)
    contact = card.email
    body.push('{{< distance >}}', card.card)
  }
  return {
    relativePath: path.join('career', `${slug}.md`),
    text: `---\n${frontMatter.join('\n')}\n---\n\n${body.join('\n\n')}\n`,
    language,
    draft,
    blogStyle: false,
    team,
    contact,
    process,
  }
}

export function generateCorpus(options: GenerateOptions): GeneratedCorpus {
  if (!Number.isInteger(options.postings) || options.postings < 1)
    throw new Error(`--postings must be a whole number of at least 1, not ${options.postings}.`)
  const {pools, used} = collectSegments(options.sources)
  if (used.length === 0)
    throw new Error(`None of the source folders exist: ${options.sources.join(', ')}.`)
  const random = createRandom(options.seed ?? DEFAULT_SEED)
  const contentDir = path.join(options.outDir, 'content')
  rmSync(contentDir, {recursive: true, force: true})
  const corpus: GeneratedCorpus = {
    contentDir,
    sources: used,
    postings: options.postings,
    bytes: 0,
    drafts: 0,
    blogStyle: 0,
    languages: {en: 0, sv: 0, no: 0},
    teams: 0,
    contacts: 0,
    processes: 0,
  }
  const teams = new Set<string>()
  const contacts = new Set<string>()
  const processes = new Set<string>()
  const directories = new Set<string>()
  for (let index = 0; index < options.postings; index++) {
    const posting = generatePosting(index, random, pools)
    const file = path.join(contentDir, posting.relativePath)
    const directory = path.dirname(file)
    if (!directories.has(directory)) {
      mkdirSync(directory, {recursive: true})
      directories.add(directory)
    }
    writeFileSync(file, posting.text)
    corpus.bytes += Buffer.byteLength(posting.text)
    corpus.languages[posting.language]++
    if (posting.draft) corpus.drafts++
    if (posting.blogStyle) corpus.blogStyle++
    if (posting.team) teams.add(posting.team)
    if (posting.contact) contacts.add(posting.contact)
    if (posting.process) processes.add(posting.process)
  }
  corpus.teams = teams.size
  corpus.contacts = contacts.size
  corpus.processes = processes.size
  return corpus
}
