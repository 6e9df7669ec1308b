/**
 * `sanity` for the browser test page: the real module, with the hooks that need a running Studio
 * (client, perspective) answered by the fake Studio instead.
 */
export * from 'sanity'
export {useFakeClient as useClient, useFakePerspective as usePerspective} from '../fakeStudio'
