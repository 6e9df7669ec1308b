import {ArchiveIcon} from '@sanity/icons/Archive'
import {defineArrayMember, defineField, defineType} from 'sanity'

/**
 * What the old Hugo page said that the website still needs but HR never edits: where the file
 * was, its front matter exactly as written (the export writes a value back as it was for as long
 * as the field it feeds still says the same, so spelling, spaces and Hugo's own keys survive),
 * and where the accordion script stood. Kept read-only, out of HR's way.
 */
export const hugoSource = defineType({
  name: 'hugoSource',
  title: 'Old website',
  type: 'object',
  icon: ArchiveIcon,
  readOnly: true,
  options: {collapsible: true, collapsed: true},
  fields: [
    defineField({
      name: 'path',
      type: 'string',
      title: 'Imported from',
      description: 'The file under content/; the export writes the page back to its folder.',
    }),
    defineField({
      name: 'frontMatter',
      type: 'array',
      title: 'Front matter as written',
      description:
        'Every key of the old file, verbatim. Keys with no field here (Hugo’s own, such as weight or lastmod) are written back as they are.',
      of: [
        defineArrayMember({
          name: 'frontMatterEntry',
          type: 'object',
          fields: [
            defineField({name: 'key', type: 'string'}),
            defineField({name: 'value', type: 'string', description: 'The value as JSON.'}),
          ],
          preview: {select: {title: 'key', subtitle: 'value'}},
        }),
      ],
    }),
    defineField({
      name: 'derived',
      type: 'array',
      title: 'Filled in by the import',
      description:
        'Fields the old page had no key for, filled in by the import (an apply link taken from a button, an assumed language). The export leaves them out of the page as long as they hold what the import put there.',
      of: [
        defineArrayMember({
          name: 'derivedField',
          type: 'object',
          fields: [
            defineField({name: 'field', type: 'string'}),
            defineField({name: 'value', type: 'string', description: 'The value as JSON.'}),
          ],
          preview: {select: {title: 'field', subtitle: 'value'}},
        }),
      ],
    }),
    defineField({
      name: 'joinedBlocks',
      type: 'array',
      title: 'Blocks written on the next line',
      description:
        'Keys of blocks the old page wrote right under the block before them, with no blank line between (Hugo then puts both in one paragraph).',
      of: [defineArrayMember({type: 'string'})],
    }),
    defineField({
      name: 'accordionScript',
      type: 'object',
      title: 'Accordion script',
      description: 'Where the script that opens the page’s boxes stood.',
      fields: [
        defineField({
          name: 'after',
          type: 'string',
          title: 'After the block',
          description: 'The key of the body block it followed; empty for the start of the body.',
        }),
        defineField({
          name: 'joined',
          type: 'boolean',
          title: 'On the next line',
          description: 'Written right under that block, with no blank line between.',
        }),
        defineField({
          name: 'missingWith',
          type: 'number',
          title: 'Missing, with this many boxes',
          description:
            'The old page had this many boxes and no script; the export adds none until there are more.',
        }),
        defineField({
          name: 'insideStartOf',
          type: 'string',
          title: 'At the start of the box',
          description: 'The key of the box (or process) whose content it opened.',
        }),
      ],
    }),
  ],
})
