import {LinkIcon} from '@sanity/icons/Link'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {BODY_LINK_KINDS} from '../../lib/model/links'
import {requiredHref} from '../validation'

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

/** The lists and text decorators every rich-text field offers. */
export const TEXT_LISTS = [
  {title: 'Bullets', value: 'bullet'},
  {title: 'Numbered', value: 'number'},
]
export const BASIC_DECORATORS = [
  {title: 'Bold', value: 'strong'},
  {title: 'Italic', value: 'em'},
  {title: 'Code', value: 'code'},
]

/**
 * Short formatted text: ingress, callout text, FAQ answers, process intros. Paragraphs, lists and
 * small headings, no custom blocks, so it stays readable wherever it is shown.
 */
export const richText = defineType({
  name: 'richText',
  title: 'Rich text',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        {title: 'Paragraph', value: 'normal'},
        {title: 'Sub-heading', value: 'h4'},
      ],
      lists: TEXT_LISTS,
      marks: {
        decorators: BASIC_DECORATORS,
        annotations: [linkAnnotation],
      },
    }),
  ],
})
