/**
 * Rendering for component tests: inside the Studio's own theme and toast provider, in jsdom, with
 * the Studio's hooks answered by the fake Studio (see ./fakeStudio).
 */
import {ThemeProvider} from '@sanity/ui'
import {ToastProvider} from '@sanity/ui/toast'
import {configure, render, type RenderResult} from '@testing-library/react'
import type {ReactElement} from 'react'
import {defaultTheme} from 'sanity'

// Rendering a posting page takes longer than Testing Library's one-second default on a loaded
// 2-core CI machine; waits still end as soon as the page is there.
configure({asyncUtilTimeout: 10_000})

// jsdom has no layout: @sanity/ui asks for media queries and element sizes, which never match here.
window.matchMedia ??= (query: string) =>
  ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  }) as MediaQueryList
window.ResizeObserver ??= class {
  observe = () => undefined
  unobserve = () => undefined
  disconnect = () => undefined
}

export {fakeStudio, mockSanity} from './fakeStudio'

export function renderInStudio(ui: ReactElement): RenderResult {
  return render(ui, {
    wrapper: ({children}) => (
      <ThemeProvider theme={defaultTheme}>
        <ToastProvider>{children}</ToastProvider>
      </ThemeProvider>
    ),
  })
}
