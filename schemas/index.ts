import {contact} from './documents/contact'
import {posting} from './documents/posting'
import {recruitmentProcess} from './documents/recruitmentProcess'
import {team} from './documents/team'
import {applyLink} from './objects/applyLink'
import {callout} from './objects/callout'
import {callToAction} from './objects/callToAction'
import {contactCard} from './objects/contactCard'
import {faqEntry} from './objects/faqEntry'
import {hugoSource} from './objects/hugoSource'
import {iconLinkRow} from './objects/iconLinkRow'
import {pageAnchor} from './objects/pageAnchor'
import {postingBody} from './objects/postingBody'
import {postingLocation} from './objects/postingLocation'
import {preservedSource} from './objects/preservedSource'
import {recruitmentStep} from './objects/recruitmentStep'
import {richText} from './objects/richText'
import {siteImage} from './objects/siteImage'

export const documentTypes = [posting, team, contact, recruitmentProcess]

export const schemaTypes = [
  ...documentTypes,
  postingBody,
  richText,
  callout,
  callToAction,
  iconLinkRow,
  contactCard,
  faqEntry,
  pageAnchor,
  preservedSource,
  applyLink,
  postingLocation,
  siteImage,
  recruitmentStep,
  hugoSource,
]
