export {createLocalDataset, type LocalDatasetOptions} from './local'
export {createRemoteDataset} from './remote'
export {
  draftsView,
  isDraftId,
  publishedIdOf,
  publishedView,
  type StoredDocument,
} from './perspective'
export {PERSPECTIVES, type CareersDataset, type FetchOptions, type Perspective} from './types'
