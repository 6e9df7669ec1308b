/**
 * The export: postings to a static HTML site and to the Hugo site's markdown. The markdown
 * serialiser is browser-safe; `exportSite` writes files and lives in ./exportSite (Node only).
 */
export {postingToHugoMarkdown, type HugoMarkdown, type HugoMarkdownOptions} from './hugoMarkdown'
