import {slugify} from '../model/slug'
import type {TextBlock} from '../hugo/portableText'
import type {SiteImage} from './assets'
import {hash, keyGenerator, readableId} from './keys'
import type {ImportedDocument} from './types'

export interface ContactFields {
  name?: string
  role?: string
  email: string
  phone?: string
  photo?: SiteImage
  shortText?: string
  address?: string
  addressUrl?: string
}

export interface RecruitmentStep {
  _type: 'recruitmentStep'
  _key: string
  text: TextBlock[]
  substeps?: {_type: 'recruitmentSubstep'; _key: string; text: TextBlock[]}[]
}

export interface ProcessFields {
  title: string
  intro?: TextBlock[]
  steps: RecruitmentStep[]
  closing?: TextBlock[]
  numbered: boolean
  spaced: boolean
}

/**
 * Teams, contacts and recruitment processes are shared by many postings: each is created once,
 * by the first posting (in file order) that names it, and referenced by the others.
 */
export class SharedDocuments {
  private readonly teams = new Map<string, ImportedDocument>()
  private readonly contacts = new Map<string, ImportedDocument>()
  private readonly processes = new Map<string, ImportedDocument>()

  /** Teams are the same team when their names slugify alike ("Container platform" = "Container Platform"). */
  team(name: string): string {
    const slug = slugify(name)
    const id = readableId('team', name)
    if (!this.teams.has(slug)) {
      this.teams.set(slug, {_id: id, _type: 'team', name, slug: {_type: 'slug', current: slug}})
    }
    return (this.teams.get(slug) as ImportedDocument)._id
  }

  /** Contacts are deduplicated by email; a later card fills fields the first one left empty. */
  contact(fields: ContactFields): string {
    const email = fields.email.trim().toLowerCase()
    const existing = this.contacts.get(email)
    if (existing) {
      for (const [field, value] of Object.entries(fields)) {
        if (existing[field] === undefined && value !== undefined) existing[field] = value
      }
      return existing._id
    }
    const id = readableId('contact', email)
    const document: ImportedDocument = {_id: id, _type: 'contact'}
    for (const [field, value] of Object.entries({...fields, email})) {
      if (value !== undefined) document[field] = value
    }
    this.contacts.set(email, document)
    return id
  }

  /**
   * Processes are the same when their source text is the same after whitespace normalisation.
   * `build` runs only for the first posting with this text; it receives the key generator of the
   * process document so its keys do not depend on which posting came first.
   */
  process(
    sourceText: string,
    firstSeenIn: string,
    build: (keys: () => string) => ProcessFields,
  ): string {
    const normalised = sourceText.replace(/\s+/g, ' ').trim()
    const existing = this.processes.get(normalised)
    if (existing) return existing._id
    const id = `recruitmentProcess-${hash(normalised)}`
    const fields = build(keyGenerator(id))
    const document: ImportedDocument = {
      _id: id,
      _type: 'recruitmentProcess',
      title: fields.title,
      internalName: `${fields.title} (first imported from ${firstSeenIn})`,
      ...(fields.intro?.length ? {intro: fields.intro} : {}),
      steps: fields.steps,
      ...(fields.closing?.length ? {closing: fields.closing} : {}),
      numbered: fields.numbered,
      spaced: fields.spaced,
    }
    this.processes.set(normalised, document)
    return id
  }

  documents(): ImportedDocument[] {
    return [...this.teams.values(), ...this.contacts.values(), ...this.processes.values()]
  }
}
