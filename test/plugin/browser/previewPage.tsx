/**
 * The test page of the browser test: the careers preview view, mounted the way the Studio mounts
 * a document view, inside @sanity/ui's ThemeProvider with the Studio's theme.
 */
import {ThemeProvider} from '@sanity/ui'
import {ToastProvider} from '@sanity/ui/toast'
import {createRoot} from 'react-dom/client'
import {defaultTheme, type SanityDocument} from 'sanity'

import {resolveCareersConfig} from '../../../plugins/careers'
import {PostingPreviewView} from '../../../plugins/careers/views'
import {fakeStudio} from '../fakeStudio'

/** What the test puts into the page: the dataset and which posting is being edited. */
export interface PreviewPageSetup {
  documents: SanityDocument[]
  postingId: string
  siteBaseUrl: string
}

declare global {
  interface Window {
    /** Lets the test type into the posting as an editor would. */
    careersPreview: {edit: (changes: Partial<SanityDocument>) => void}
  }
}

const setup = JSON.parse(document.getElementById('setup')!.textContent!) as PreviewPageSetup
fakeStudio.reset(setup.documents)
const config = resolveCareersConfig({siteBaseUrl: setup.siteBaseUrl})
const published = setup.documents.find((doc) => doc._id === setup.postingId) ?? null
const draft = setup.documents.find((doc) => doc._id === `drafts.${setup.postingId}`) ?? null
const root = createRoot(document.getElementById('root')!)

function show(displayed: SanityDocument) {
  root.render(
    <ThemeProvider theme={defaultTheme}>
      <ToastProvider>
        <div style={{height: '100vh'}}>
          <PostingPreviewView
            document={{draft, published, displayed, historical: null}}
            documentId={setup.postingId}
            schemaType={{name: 'posting', jsonType: 'object'} as never}
            options={config}
          />
        </div>
      </ToastProvider>
    </ThemeProvider>,
  )
}

let displayed = (draft ?? published)!
show(displayed)
window.careersPreview = {
  edit: (changes) => {
    displayed = {...displayed, ...changes}
    show(displayed)
  },
}
