export {createLocalDataset, type LocalDatasetOptions} from './local'
export {createRemoteDataset} from './remote'
export {
  documentsInPerspective,
  perspectiveLayers,
  publishedIdOf,
  type StoredDocument,
} from './perspective'
export {PERSPECTIVES, type CareersDataset, type FetchOptions, type Perspective} from './types'
