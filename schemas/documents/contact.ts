import {UserIcon} from '@sanity/icons/User'
import {defineField, defineType} from 'sanity'

import {isEmail, isPhoneNumber} from '../../lib/model/links'
import {validateHref} from '../validation'

/** A person candidates can talk to: usually the recruiter, sometimes the hiring manager. */
export const contact = defineType({
  name: 'contact',
  title: 'Contact',
  type: 'document',
  icon: UserIcon,
  fields: [
    defineField({
      name: 'name',
      type: 'string',
      title: 'Name',
      validation: (rule) => rule.required().error('Write the person’s name.'),
    }),
    defineField({
      name: 'role',
      type: 'string',
      title: 'Role',
      description: 'For example "Talent acquisition" or "Head of engineering".',
    }),
    defineField({
      name: 'email',
      type: 'string',
      title: 'Email',
      validation: (rule) => [
        rule.required().error('Add an email address so candidates can reach this person.'),
        rule.custom((value) =>
          !value || isEmail(value) ? true : `"${value}" is not an email address: check for typos.`,
        ),
      ],
    }),
    defineField({
      name: 'phone',
      type: 'string',
      title: 'Phone',
      description: 'With country code, for example +46 70 123 45 67.',
      validation: (rule) =>
        rule.custom((value) =>
          !value || isPhoneNumber(value)
            ? true
            : `"${value}" is not a phone number: use digits, spaces and a leading + with the country code.`,
        ),
    }),
    defineField({name: 'photo', type: 'siteImage', title: 'Photo'}),
    defineField({
      name: 'shortText',
      type: 'text',
      title: 'Short text',
      rows: 3,
      description: 'Shown on the card in postings, for example "Got questions? Ask me anything."',
    }),
    defineField({name: 'address', type: 'string', title: 'Office address'}),
    defineField({
      name: 'addressUrl',
      type: 'url',
      title: 'Map link',
      validation: (rule) => rule.custom(validateHref(['https'])),
    }),
  ],
  preview: {
    select: {title: 'name', role: 'role', email: 'email', media: 'photo.image'},
    prepare: ({title, role, email, media}) => ({
      title,
      subtitle: [role, email].filter(Boolean).join(' · '),
      media,
    }),
  },
})
