import { type RawBuilder, sql } from 'kysely';

// Turns what an agent typed (or a resident's whole message) into Dutch full-text queries. Every word is a
// prefix after stemming, so "vergunningen" finds "vergunning" and a half-typed "vergun" already matches;
// words are OR-ed so a long question still finds the article sharing its key words, and the ranking puts
// articles matching more (and rarer) words first. Only letters and digits reach to_tsquery: no syntax errors.
export interface DutchSearch {
  // Matches anywhere (question or answer; title or body).
  matches: (column: RawBuilder<unknown>) => RawBuilder<boolean>;
  // Matches in the weight-A part (the question, the title): ranked above answer-only matches.
  matchesHeading: (column: RawBuilder<unknown>) => RawBuilder<boolean>;
  rank: (column: RawBuilder<unknown>) => RawBuilder<number>;
}

export function parseDutchSearch(text: string | undefined): DutchSearch | null {
  const words = [...new Set((text ?? '').toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [])].slice(0, 24);
  if (words.length === 0) return null;
  const any = words.map((word) => `${word}:*`).join(' | ');
  const heading = words.map((word) => `${word}:*A`).join(' | ');
  return {
    matches: (column) => sql<boolean>`${column} @@ to_tsquery('dutch', ${any})`,
    matchesHeading: (column) => sql<boolean>`${column} @@ to_tsquery('dutch', ${heading})`,
    rank: (column) => sql<number>`ts_rank(${column}, to_tsquery('dutch', ${any}))`,
  };
}
