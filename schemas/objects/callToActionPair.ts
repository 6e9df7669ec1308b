import {LaunchIcon} from '@sanity/icons/Launch'
import {defineField, defineType} from 'sanity'

import {hugoFormField} from '../fields'
import {BODY_LINK_KINDS} from '../../lib/model/links'
import {requiredHref} from '../validation'

/** A main button with a secondary text link beside it, such as "Apply" and "Ask us first". */
export const callToActionPair = defineType({
  name: 'callToActionPair',
  title: 'Button with a second link',
  type: 'object',
  icon: LaunchIcon,
  fields: [
    defineField({
      name: 'label',
      type: 'string',
      title: 'Button label',
      validation: (rule) => rule.required().error('Write the text of the button.'),
    }),
    defineField({
      name: 'url',
      type: 'string',
      title: 'Button links to',
      description: 'A web address, an email link (mailto:…) or a section of the page (#…).',
      validation: (rule) => requiredHref(rule, 'Add where the button leads.', BODY_LINK_KINDS),
    }),
    defineField({
      name: 'secondaryLabel',
      type: 'string',
      title: 'Second link label',
      description: 'Shown as a text link beside the button, for example "Contact the recruiter".',
      validation: (rule) => rule.required().error('Write the text of the second link.'),
    }),
    defineField({
      name: 'secondaryUrl',
      type: 'string',
      title: 'Second link to',
      description: 'Opens in a new tab on the website.',
      validation: (rule) => requiredHref(rule, 'Add where the second link leads.', BODY_LINK_KINDS),
    }),
    hugoFormField,
  ],
  preview: {
    select: {title: 'label', subtitle: 'secondaryLabel'},
    prepare: ({title, subtitle}) => ({
      title: title || 'Button with a second link',
      subtitle: subtitle ? `Button and "${subtitle}"` : 'Button with a second link',
    }),
  },
})
