import {param, type ShortcodeNode} from '../../hugo/shortcodes'
import {isEmail} from '../../model/links'
import type {BodyBuilder} from '../body'
import {compact} from '../fields'
import type {ContactFields} from '../shared'
import {reference} from '../types'
import {formOf, type ShortcodeHandlers} from './types'

/** `horisontal-card` (the recruiter's "Got questions?" card) and `contact` (a person's card). */
export const contactCardHandlers: ShortcodeHandlers = {
  'horisontal-card': {inner: false, block: (node, body) => recruiterCard(node, body)},
  contact: {inner: false, block: (node, body) => contactCard(node, body)},
}

function recruiterCard(node: ShortcodeNode, body: BodyBuilder) {
  const link = param(node, 'linkref') ?? param(node, 'link')
  const text = param(node, 'text')
  const email = emailIn(link) ?? emailIn(text)
  if (!email) {
    body.preserveShortcode(node, 'A contact card without an email address cannot become a contact')
    return
  }
  const name = guessName(email, text)
  body.issues.push({
    severity: 'info',
    line: node.line,
    field: 'contact',
    message: `The card names no person: the contact for ${email} was called "${name}" after the email address; check the name.`,
  })
  const image = param(node, 'image')
  const id = body.page.shared.contact({
    email,
    name,
    shortText: text,
    photo: image ? body.photo(image, node.line) : undefined,
  })
  body.add(
    compact({
      _type: 'contactCard',
      _key: body.keys(),
      contact: reference(id),
      heading: param(node, 'cardtitle'),
      text,
      buttonLabel: param(node, 'linktext'),
      hugoForm: formOf(node, '<'),
    }),
    node,
  )
  if (link && !link.startsWith('mailto:')) body.checkLink(link, node.line)
  if (!body.page.contactFromRecruiterCard) body.page.contactId = id
  body.page.contactFromRecruiterCard = true
}

function contactCard(node: ShortcodeNode, body: BodyBuilder) {
  const email = emailIn(param(node, 'email'))
  if (!email) {
    body.preserveShortcode(node, 'A contact without an email address cannot become a contact')
    return
  }
  const picture = param(node, 'picture')
  const fields: ContactFields = {
    email,
    name: param(node, 'name'),
    role: param(node, 'title'),
    phone: param(node, 'phone'),
    address: param(node, 'address'),
    addressUrl: param(node, 'address-link'),
    photo: picture ? body.photo(picture, node.line) : undefined,
  }
  const id = body.page.shared.contact(fields)
  body.add(
    compact({
      _type: 'contactCard',
      _key: body.keys(),
      contact: reference(id),
      hugoForm: formOf(node, '<'),
    }),
    node,
  )
  body.page.contactId ??= id
}

function emailIn(text: string | undefined): string | undefined {
  if (!text) return undefined
  const candidate = text.startsWith('mailto:')
    ? decodeURIComponent(text.slice(7).split('?')[0] ?? '')
    : text.match(/[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[A-Za-z]{2,}/)?.[0]
  return candidate && isEmail(candidate) ? candidate.trim() : undefined
}

/** "ada.l@…" and a text mentioning "Ada" → "Ada L"; names found in the text keep their spelling. */
function guessName(email: string, text: string | undefined): string {
  const prose = (text ?? '').replace(/\S+@\S+/g, ' ')
  return (email.split('@')[0] ?? '')
    .split(/[._-]+/)
    .filter(Boolean)
    .map((word) => {
      const pattern = new RegExp(
        `(?<![\\p{L}])${word.replace(/[^\p{L}\d]/gu, '')}(?![\\p{L}])`,
        'iu',
      )
      return prose.match(pattern)?.[0] ?? word.charAt(0).toUpperCase() + word.slice(1)
    })
    .join(' ')
}
