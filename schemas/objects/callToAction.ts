import {LaunchIcon} from '@sanity/icons/Launch'
import {defineField, defineType} from 'sanity'

import {hugoFormField} from '../fields'
import {CALL_TO_ACTION_VARIANTS} from '../../lib/model/vocabulary'
import {BODY_LINK_KINDS} from '../../lib/model/links'
import {requiredHref} from '../validation'

/** A button or a large linked block, such as "Click here to apply". */
export const callToAction = defineType({
  name: 'callToAction',
  title: 'Call to action',
  type: 'object',
  icon: LaunchIcon,
  fields: [
    defineField({
      name: 'label',
      type: 'string',
      title: 'Label',
      validation: (rule) => rule.required().error('Write the text of the button.'),
    }),
    defineField({
      name: 'url',
      type: 'string',
      title: 'Link to',
      description: 'A web address, an email link (mailto:…) or a section of the page (#…).',
      validation: (rule) => requiredHref(rule, 'Add where the button leads.', BODY_LINK_KINDS),
    }),
    defineField({
      name: 'variant',
      type: 'string',
      title: 'Style',
      options: {list: [...CALL_TO_ACTION_VARIANTS], layout: 'radio', direction: 'horizontal'},
      initialValue: 'button',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'description',
      type: 'string',
      title: 'Description',
      description: 'Smaller text under the label (large icon block only).',
      hidden: ({parent}) => parent?.variant !== 'iconBlock',
    }),
    defineField({
      name: 'icon',
      type: 'string',
      title: 'Icon',
      description: 'Font Awesome icon name.',
    }),
    defineField({name: 'color', type: 'string', title: 'Website colour name'}),
    defineField({
      name: 'openInNewTab',
      type: 'boolean',
      title: 'Open in a new tab',
      initialValue: false,
    }),
    hugoFormField,
  ],
  preview: {
    select: {title: 'label', url: 'url', variant: 'variant'},
    prepare: ({title, url, variant}) => ({
      title: title || 'Call to action',
      subtitle: [CALL_TO_ACTION_VARIANTS.find((v) => v.value === variant)?.title, url]
        .filter(Boolean)
        .join(' → '),
    }),
  },
})
