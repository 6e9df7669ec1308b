import {careersPage} from './documents/careersPage'
import {contact} from './documents/contact'
import {posting} from './documents/posting'
import {recruitmentProcess} from './documents/recruitmentProcess'
import {team} from './documents/team'
import {applyLink} from './objects/applyLink'
import {bodyImage} from './objects/bodyImage'
import {callout} from './objects/callout'
import {callToAction} from './objects/callToAction'
import {callToActionPair} from './objects/callToActionPair'
import {contactCard} from './objects/contactCard'
import {embeddedForm} from './objects/embeddedForm'
import {faqEntry} from './objects/faqEntry'
import {highlightedText} from './objects/highlightedText'
import {hugoSource} from './objects/hugoSource'
import {iconLinkRow} from './objects/iconLinkRow'
import {ingressPlacement} from './objects/ingressPlacement'
import {pageAnchor} from './objects/pageAnchor'
import {postingBody} from './objects/postingBody'
import {postingLocation} from './objects/postingLocation'
import {preservedSource} from './objects/preservedSource'
import {recruitmentProcessPlacement} from './objects/recruitmentProcessPlacement'
import {recruitmentStep} from './objects/recruitmentStep'
import {boxContent, richText} from './objects/richText'
import {siteImage} from './objects/siteImage'
import {spacer} from './objects/spacer'

export const documentTypes = [posting, careersPage, team, contact, recruitmentProcess]

export const schemaTypes = [
  ...documentTypes,
  postingBody,
  richText,
  boxContent,
  ingressPlacement,
  recruitmentProcessPlacement,
  highlightedText,
  callout,
  callToAction,
  callToActionPair,
  iconLinkRow,
  contactCard,
  faqEntry,
  pageAnchor,
  spacer,
  bodyImage,
  embeddedForm,
  preservedSource,
  applyLink,
  postingLocation,
  siteImage,
  recruitmentStep,
  hugoSource,
]
