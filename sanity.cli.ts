import {defineCliConfig} from 'sanity/cli'

import {readStudioEnv} from './lib/env'

const {projectId, dataset} = readStudioEnv(process.env)

/**
 * What the careers plugin loads only when a preview or an export is opened. `sanity dev` (Vite)
 * finds dependencies by crawling the Studio's startup code; these it met only when the preview's
 * chunk first loaded, then bundled them and reloaded the Studio, twice: the blank screens and the
 * 40 s first preview of a new clone (`npm run bench:preview`). Bundling them at start avoids both.
 * The production build (`sanity build`) uses neither this list nor the warm-up below.
 */
const PREVIEW_DEPENDENCIES = [
  '@portabletext/to-html',
  '@portabletext/toolkit',
  '@sanity/icons/Desktop',
  '@sanity/icons/MobileDevice',
  '@sanity/ui/code',
  'dompurify',
  'yaml',
]

export default defineCliConfig({
  api: {projectId, dataset},
  vite: (config) => ({
    ...config,
    optimizeDeps: {
      ...config.optimizeDeps,
      include: [...(config.optimizeDeps?.include ?? []), ...PREVIEW_DEPENDENCIES],
    },
    // Transform the preview's own modules while the Studio starts, not on the first click.
    server: {
      ...config.server,
      warmup: {
        ...config.server?.warmup,
        clientFiles: [
          ...(config.server?.warmup?.clientFiles ?? []),
          './plugins/careers/PostingPreviewView.tsx',
          './plugins/careers/core.ts',
        ],
      },
    },
  }),
  typegen: {
    path: ['./lib/**/*.ts', './plugins/**/*.{ts,tsx}', './scripts/**/*.ts'],
    schema: './schema.json',
    generates: './sanity.types.ts',
    overloadClientMethods: true,
  },
})
