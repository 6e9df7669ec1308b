/** The embedded local default: one NDJSON dataset file, the format `sanity dataset import` takes. */
export const DEFAULT_DATASET_FILE = 'data/production.ndjson'
