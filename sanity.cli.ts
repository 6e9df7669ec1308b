import {defineCliConfig} from 'sanity/cli'

import {readStudioEnv} from './lib/env'

const {projectId, dataset} = readStudioEnv(process.env)

export default defineCliConfig({
  api: {projectId, dataset},
  typegen: {
    path: ['./lib/**/*.ts', './plugins/**/*.{ts,tsx}', './scripts/**/*.ts'],
    schema: './schema.json',
    generates: './sanity.types.ts',
    overloadClientMethods: true,
  },
})
