/**
 * The careers plugin: preview postings as the website shows them, export them for the website,
 * and tell the website to rebuild after a publish. Rendering and mapping come from the shared
 * core in lib/; this folder only connects them to the Studio.
 *
 * Views belong to the structure tool, so they are registered there:
 *
 *   const careers = resolveCareersConfig({siteBaseUrl: 'https://www.example.com'})
 *   plugins: [
 *     structureTool({structure, defaultDocumentNode: careersDocumentNode(careers)}),
 *     careersPlugin(careers),
 *   ]
 */
import {EyeOpenIcon} from '@sanity/icons/EyeOpen'
import {LinkIcon} from '@sanity/icons/Link'
import {type DocumentActionComponent, definePlugin} from 'sanity'
import type {DefaultDocumentNodeResolver} from 'sanity/structure'

import {DraftOnlyBadge, ExpiredBadge} from './badges'
import {resolveCareersConfig, type CareersPluginConfig, type ResolvedCareersConfig} from './config'
import {CreateTranslationAction} from './CreateTranslationAction'
import {createExportForWebsiteAction} from './ExportForWebsiteAction'
import PostingUsageView from './PostingUsageView'
import {PostingPreviewView} from './views'
import {withDeployHook} from './PublishWithDeployHook'

export {resolveCareersConfig, type CareersPluginConfig, type ResolvedCareersConfig}

/** Document actions and badges for postings. Accepts a config or an already resolved one. */
// Marked pure so a Studio built without the plugin leaves all of it out (see measure-plugin-size).
export const careersPlugin = /* @__PURE__ */ definePlugin<CareersPluginConfig | void>((options) => {
  const config = resolveCareersConfig(options ?? {})
  const ExportForWebsiteAction = createExportForWebsiteAction(config)
  const isPosting = (schemaType: string) => config.postingTypes.includes(schemaType)
  // One wrapper per publish action: a new component on every resolve would remount the action
  // and lose a publish it had scheduled.
  const withHook = new WeakMap<DocumentActionComponent, DocumentActionComponent>()
  const publishWithHook = (action: DocumentActionComponent, deployHookUrl: string) => {
    let wrapped = withHook.get(action)
    if (!wrapped) {
      wrapped = withDeployHook(action, deployHookUrl)
      withHook.set(action, wrapped)
    }
    return wrapped
  }
  return {
    name: 'careers',
    document: {
      actions: (previous, {schemaType}) => {
        if (!isPosting(schemaType)) return previous
        const {deployHookUrl} = config
        const actions = deployHookUrl
          ? previous.map((action) =>
              action.action === 'publish' ? publishWithHook(action, deployHookUrl) : action,
            )
          : previous
        return [...actions, CreateTranslationAction, ExportForWebsiteAction]
      },
      badges: (previous, {schemaType}) =>
        isPosting(schemaType) ? [...previous, ExpiredBadge, DraftOnlyBadge] : previous,
    },
  }
})

/**
 * The document views of the structure tool: the form and "Preview" for postings, the form and
 * "Used in" for the teams, contacts and processes postings share.
 */
export function careersDocumentNode(
  options: CareersPluginConfig | ResolvedCareersConfig = {},
): DefaultDocumentNodeResolver {
  const config = resolveCareersConfig(options)
  return (S, {schemaType}) => {
    if (config.postingTypes.includes(schemaType)) {
      return S.document().views([
        S.view.form(),
        S.view.component(PostingPreviewView).title('Preview').icon(EyeOpenIcon).options(config),
      ])
    }
    if (config.sharedContentTypes.includes(schemaType)) {
      return S.document().views([
        S.view.form(),
        S.view.component(PostingUsageView).title('Used in').icon(LinkIcon).options(config),
      ])
    }
    return S.document()
  }
}
