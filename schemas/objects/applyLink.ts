import {EnvelopeIcon} from '@sanity/icons/Envelope'
import {defineField, defineType} from 'sanity'

import {APPLY_LINK_KINDS} from '../../lib/model/links'
import {requiredHref} from '../validation'

/** How candidates apply: the button beside the posting. */
export const applyLink = defineType({
  name: 'applyLink',
  title: 'How to apply',
  type: 'object',
  icon: EnvelopeIcon,
  fields: [
    defineField({
      name: 'label',
      type: 'string',
      title: 'Button label',
      description: 'For example "Apply now" or "Send your CV".',
      initialValue: 'Apply now',
      validation: (rule) => rule.required().error('Write the text of the apply button.'),
    }),
    defineField({
      name: 'url',
      type: 'string',
      title: 'Link to',
      description:
        'The application page (https://…), an email (mailto:jobs@example.com?subject=…) or a section of this posting (#apply).',
      validation: (rule) =>
        requiredHref(
          rule,
          'Add where candidates apply: a web address, an email link or #section.',
          APPLY_LINK_KINDS,
        ),
    }),
    defineField({
      name: 'icon',
      type: 'string',
      title: 'Icon',
      description: 'Font Awesome icon name shown on the button, for example "fa-paper-plane-top".',
    }),
  ],
})
