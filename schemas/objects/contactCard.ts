import {UserIcon} from '@sanity/icons/User'
import {defineField, defineType} from 'sanity'

import {hugoFormField} from '../fields'
/** The recruiter's card in the body ("Got questions?"), drawn from a contact document. */
export const contactCard = defineType({
  name: 'contactCard',
  title: 'Contact card',
  type: 'object',
  icon: UserIcon,
  fields: [
    defineField({
      name: 'contact',
      type: 'reference',
      title: 'Contact',
      to: [{type: 'contact'}],
      validation: (rule) => rule.required().error('Choose who candidates should contact.'),
    }),
    defineField({
      name: 'heading',
      type: 'string',
      title: 'Heading',
      description: 'Leave empty to show the contact’s name, for example "Got questions?".',
    }),
    defineField({
      name: 'text',
      type: 'text',
      title: 'Text',
      rows: 3,
      description: 'Leave empty to use the contact’s own short text.',
    }),
    defineField({
      name: 'buttonLabel',
      type: 'string',
      title: 'Button label',
      description: 'Leave empty to show the email address and phone number instead of a button.',
    }),
    hugoFormField,
  ],
  preview: {
    select: {name: 'contact.name', heading: 'heading', media: 'contact.photo.image'},
    prepare: ({name, heading, media}) => ({
      title: heading || name || 'Contact card',
      subtitle: name ? `Contact card: ${name}` : 'Contact card',
      media,
    }),
  },
})
