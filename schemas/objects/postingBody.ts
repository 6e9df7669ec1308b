import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {ImageIcon} from '@sanity/icons/Image'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {BASIC_DECORATORS, linkAnnotation, TEXT_LISTS} from './richText'

/**
 * The body of a posting: headings, lists and the building blocks the website's shortcodes express
 * (callouts, calls to action, contact cards, FAQ entries, in-page anchors, run-in headings).
 */
export const postingBody = defineType({
  name: 'postingBody',
  title: 'Posting body',
  type: 'array',
  of: [
    defineArrayMember({
      type: 'block',
      styles: [
        {title: 'Paragraph', value: 'normal'},
        {title: 'Heading', value: 'h2'},
        {title: 'Sub-heading', value: 'h3'},
        {title: 'Small heading', value: 'h4'},
        {title: 'Quote', value: 'blockquote'},
      ],
      lists: TEXT_LISTS,
      marks: {
        decorators: [
          ...BASIC_DECORATORS,
          {title: 'Strikethrough', value: 'strike-through'},
          // The coloured lead-in the website puts at the start of list items ("Ownership: …").
          {title: 'Run-in heading', value: 'runIn', icon: DocumentTextIcon},
        ],
        annotations: [linkAnnotation],
      },
    }),
    defineArrayMember({type: 'callout'}),
    defineArrayMember({type: 'callToAction'}),
    defineArrayMember({type: 'iconLinkRow'}),
    defineArrayMember({type: 'contactCard'}),
    defineArrayMember({type: 'faqEntry'}),
    defineArrayMember({type: 'pageAnchor'}),
    defineArrayMember({
      name: 'bodyImage',
      type: 'image',
      title: 'Image',
      icon: ImageIcon,
      fields: [
        defineField({
          name: 'alt',
          type: 'string',
          title: 'Alternative text',
          description: 'What the image shows, for people who cannot see it.',
          validation: (rule) => rule.required().warning('Describe the image for screen readers.'),
        }),
        defineField({
          name: 'legacyPath',
          type: 'string',
          title: 'Path on the old website',
          description: 'Kept from the import until the file is uploaded here.',
          readOnly: true,
        }),
      ],
    }),
    defineArrayMember({type: 'preservedSource'}),
  ],
})
