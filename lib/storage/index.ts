/**
 * The local dataset on disk: an NDJSON snapshot that `sanity dataset import` takes, and the
 * transaction log the local Content Lake appends to between compactions (see ./files). Every
 * reader of a local dataset goes through readDatasetSync, so it sees every committed transaction
 * whether or not it has been folded into the snapshot yet.
 */
export {removeStaleTemporaryFiles, writeFileAtomicSync, writeLinesAtomic} from './atomicFile'
export {compactDatasetSync, sortedById, writeSnapshotSync} from './compact'
export {datasetExists, historyPath, lockPath, logGenerations, logPath} from './files'
export {appendHistorySync, readHistorySync} from './history'
export {DatasetInUseError, datasetHolder, lockDataset, type LockHolder} from './lock'
export type {TransactionMetadata, TransactionRecord} from './log'
export {isStoredDocument, parseDatasetNdjson, type StoredDocument} from './ndjson'
export {readDatasetSync, type DatasetContents, type ReadOptions} from './read'
export {replaceDatasetFile} from './replace'
