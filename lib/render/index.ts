/** The framework-free website renderer, shared by the export, the Studio preview and tests. */
export {renderCareersIndex} from './careersIndex'
export {renderAtomFeed, renderJsonFeed} from './feeds'
export {attributes, classModifier, escapeHtml, jsonForScript} from './html'
export {
  buildJobPostingJsonLd,
  findMissingJobPostingFields,
  type JobPostingJsonLd,
  type MissingJobPostingField,
} from './jsonLd'
export {formatDate, htmlLang, labelsFor, type PageLabels} from './labels'
export {renderDocument, type DocumentShell} from './layout'
export {
  createBodyRenderContext,
  portableTextToPlainText,
  renderPostingBody,
  renderRichText,
  type BodyRenderContext,
  type RenderedHeading,
} from './portableText'
export {
  checkFeedPostings,
  checkPostingCards,
  checkPostingPageData,
  checkPostingRoutes,
  checkSitemapPostings,
  dataIssue,
  type CheckedData,
} from './postingData'
export {renderPostingPage, type PostingPage} from './postingPage'
export {buildRedirects, renderRedirectPage, renderRedirectsFile, type Redirect} from './redirects'
export {safeHref, safeImageSrc} from './safeUrl'
export {sanitizePreservedHtml} from './sanitize'
export type {DataProblem} from './shape'
export {absoluteUrl, DEFAULT_SITE_SETTINGS, postingPath} from './settings'
export {renderSitemap, sitemapEntries, type SitemapEntry} from './sitemap'
export type * from './types'
