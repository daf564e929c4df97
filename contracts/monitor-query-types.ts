import type { QueryField } from './monitor-query-fields';

// The parsed query (a tree) and a parse error, shared by the parser and the formatter.
export type QueryNode =
  | { kind: 'term'; value: string; prefix: boolean }
  | { kind: 'phrase'; words: string[] }
  | { kind: 'hashtag'; value: string }
  | { kind: 'mention'; value: string }
  | { kind: 'field'; field: QueryField; value: string; near?: { lat: number; lon: number; radiusKm: number } }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }
  | { kind: 'not'; child: QueryNode };

// position is a 0-based offset in UTF-16 code units (what a textarea's selectionStart counts).
export type QueryError = { message: string; position: number; length: number; hint?: string };
