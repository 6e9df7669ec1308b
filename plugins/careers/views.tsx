import {Flex, Spinner} from '@sanity/ui'
import {lazy, Suspense} from 'react'
import type {UserViewComponent} from 'sanity/structure'

import type {ResolvedCareersConfig} from './config'

// The preview renders with the shared core (sanitiser, markdown library): loaded when opened.
const LazyPostingPreviewView = /* @__PURE__ */ lazy(() => import('./PostingPreviewView'))

export const PostingPreviewView: UserViewComponent<ResolvedCareersConfig> = (props) => (
  <Suspense
    fallback={
      <Flex align="center" justify="center" padding={5}>
        <Spinner muted />
      </Flex>
    }
  >
    <LazyPostingPreviewView {...props} />
  </Suspense>
)
