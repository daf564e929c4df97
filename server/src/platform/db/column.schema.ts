import type { ColumnType } from 'kysely';

// Column types shared by the schema files: timestamps are read as Date, JSON is written as a string or value.
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type Json<T = Record<string, unknown>> = ColumnType<T, string | T | undefined, string | T>;
