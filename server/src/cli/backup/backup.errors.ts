// A backup or restore that cannot go ahead: the CLI prints the Dutch message and exits with 1, having changed nothing.
export class BackupError extends Error {}
