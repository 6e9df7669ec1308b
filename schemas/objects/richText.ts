import {HashIcon} from '@sanity/icons/Hash'
import {LinkIcon} from '@sanity/icons/Link'
import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {BODY_LINK_KINDS} from '../../lib/model/links'
import {anchorIdRule, requiredHref} from '../validation'

/** The link annotation every rich-text field shares. */
export const linkAnnotation = defineArrayMember({
  name: 'link',
  type: 'object',
  title: 'Link',
  icon: LinkIcon,
  fields: [
    defineField({
      name: 'href',
      type: 'string',
      title: 'Link to',
      description: 'A web address, mailto:someone@example.com, tel:+46…, /a-page or #a-section.',
      validation: (rule) =>
        requiredHref(rule, 'Add where the link goes, or remove the link.', BODY_LINK_KINDS),
    }),
  ],
})

/**
 * A heading's own jump-target name. Headings get one from their words anyway (the website's
 * rules: "What we offer" is #what-we-offer); this sets another, for links that must keep working
 * when the words change. Mark the whole heading with it.
 */
export const headingAnchorAnnotation = defineArrayMember({
  name: 'headingAnchor',
  type: 'object',
  title: 'Jump-target name',
  icon: HashIcon,
  fields: [
    defineField({
      name: 'id',
      type: 'string',
      title: 'Name',
      description: 'Links written as #name jump to this heading.',
      validation: (rule) => [
        rule.required().error('Write the name links use.'),
        anchorIdRule(rule),
      ],
    }),
  ],
})

/**
 * The lists every rich-text field offers. "Spaced" lists are the website's lists with a
 * paragraph's space between items (markdown's loose lists).
 */
export const TEXT_LISTS = [
  {title: 'Bullets', value: 'bullet'},
  {title: 'Numbered', value: 'number'},
  {title: 'Bullets, spaced', value: 'bulletSpaced'},
  {title: 'Numbered, spaced', value: 'numberSpaced'},
]
export const BASIC_DECORATORS = [
  {title: 'Bold', value: 'strong'},
  {title: 'Italic', value: 'em'},
  {title: 'Code', value: 'code'},
  {title: 'Strikethrough', value: 'strike-through'},
  // The coloured lead-in the website puts at the start of list items ("Ownership: …").
  {title: 'Run-in heading', value: 'runIn', icon: DocumentTextIcon},
]
export const HEADING_STYLES = [
  {title: 'Heading', value: 'h2'},
  {title: 'Sub-heading', value: 'h3'},
  {title: 'Small heading', value: 'h4'},
]

const TEXT_BLOCK = defineArrayMember({
  type: 'block',
  styles: [{title: 'Paragraph', value: 'normal'}, ...HEADING_STYLES],
  lists: TEXT_LISTS,
  marks: {
    decorators: BASIC_DECORATORS,
    annotations: [linkAnnotation, headingAnchorAnnotation],
  },
})

/**
 * Formatted text: lead paragraphs, process intros and closings. Paragraphs, headings and lists,
 * no blocks, so it reads the same wherever it is shown.
 */
export const richText = defineType({
  name: 'richText',
  title: 'Rich text',
  type: 'array',
  of: [TEXT_BLOCK],
})

/**
 * What a box holds (a callout's text, a question's answer): formatted text and the small blocks
 * the website lets a box hold, such as a button, an image or a form. Boxes do not go inside
 * boxes.
 */
export const boxContent = defineType({
  name: 'boxContent',
  title: 'Box content',
  type: 'array',
  of: [
    TEXT_BLOCK,
    defineArrayMember({type: 'callToAction'}),
    defineArrayMember({type: 'callToActionPair'}),
    defineArrayMember({type: 'iconLinkRow'}),
    defineArrayMember({type: 'contactCard'}),
    defineArrayMember({type: 'pageAnchor'}),
    defineArrayMember({type: 'spacer'}),
    defineArrayMember({type: 'bodyImage'}),
    defineArrayMember({type: 'embeddedForm'}),
    defineArrayMember({type: 'preservedSource'}),
  ],
})
