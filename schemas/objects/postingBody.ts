import {defineArrayMember, defineType} from 'sanity'

import {
  BASIC_DECORATORS,
  HEADING_STYLES,
  headingAnchorAnnotation,
  linkAnnotation,
  TEXT_LISTS,
} from './richText'

/**
 * The body of a posting: headings, lists and the building blocks the website's shortcodes express
 * (callouts, calls to action, contact cards, FAQ entries, in-page anchors, run-in headings), and
 * where the lead paragraph and the recruitment process stand on the page.
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
        ...HEADING_STYLES,
        {title: 'Quote', value: 'blockquote'},
      ],
      lists: TEXT_LISTS,
      marks: {
        decorators: BASIC_DECORATORS,
        annotations: [linkAnnotation, headingAnchorAnnotation],
      },
    }),
    defineArrayMember({type: 'ingressPlacement'}),
    defineArrayMember({type: 'recruitmentProcessPlacement'}),
    defineArrayMember({type: 'highlightedText'}),
    defineArrayMember({type: 'callout'}),
    defineArrayMember({type: 'callToAction'}),
    defineArrayMember({type: 'callToActionPair'}),
    defineArrayMember({type: 'iconLinkRow'}),
    defineArrayMember({type: 'contactCard'}),
    defineArrayMember({type: 'faqEntry'}),
    defineArrayMember({type: 'pageAnchor'}),
    defineArrayMember({type: 'spacer'}),
    defineArrayMember({type: 'bodyImage'}),
    defineArrayMember({type: 'embeddedForm'}),
    defineArrayMember({type: 'preservedSource'}),
  ],
})
