/**
 * `npm run typegen` step: write the Portable Text schemas of the rich-text fields (what the
 * markdown converter may produce) to lib/hugo/portableTextSchemas.json. The import reads that file
 * instead of the Sanity schema, because loading `sanity` costs seconds and ~400 MB per process
 * and the framework-free core needs none of it at runtime. `npm run typegen:check` fails when the
 * file is out of date with the schema.
 */
import {writeFileSync} from 'node:fs'

import {sanitySchemaDefinitionToPortableTextSchema} from '@portabletext/sanity-bridge'

import {schemaTypes} from '../schemas'
import {postingBody} from '../schemas/objects/postingBody'
import {boxContent, richText} from '../schemas/objects/richText'

type Definition = Parameters<typeof sanitySchemaDefinitionToPortableTextSchema>

const toPortableTextSchema = (definition: unknown) =>
  sanitySchemaDefinitionToPortableTextSchema(definition as Definition[0], {
    types: schemaTypes as unknown as NonNullable<Definition[1]>['types'],
  })

const file = new URL('../lib/hugo/portableTextSchemas.json', import.meta.url)
const schemas = {
  body: toPortableTextSchema(postingBody),
  richText: toPortableTextSchema(richText),
  boxContent: toPortableTextSchema(boxContent),
}
writeFileSync(file, `${JSON.stringify(schemas, null, 2)}\n`)
console.log(`Wrote ${file.pathname}`)
