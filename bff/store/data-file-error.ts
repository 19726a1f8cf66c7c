/** A data file (main file, shard or journal) that cannot be used; the message names it. Nothing was written. */
export class DataFileError extends Error {}
