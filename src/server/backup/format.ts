/** The backup file: gzipped JSON lines — header, `{t, r}` rows in foreign-key order, trailer. */
export const backupFormat = 'silta-backup';
export const backupFormatVersion = 1;

export type BackupHeader = {
  format: typeof backupFormat;
  version: number;
  createdAt: string;
  engine: 'pglite' | 'postgres';
  /** The schema the rows belong to; a restore needs exactly these migrations applied. */
  migrations: { version: string; checksum: string }[];
  tables: string[];
};

export type BackupRow = { t: string; r: Record<string, unknown> };
export type BackupTrailer = { end: true; counts: Record<string, number> };
