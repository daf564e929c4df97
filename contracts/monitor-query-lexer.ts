// Splits a monitor query into tokens with their positions, so every later error can point at the
// exact characters the analyst typed.

export type Operator = 'and' | 'or' | 'not';

export type Token =
  | { type: 'lparen' | 'rparen' | 'minus'; text: string; start: number; end: number }
  | { type: 'operator'; op: Operator; text: string; start: number; end: number }
  | { type: 'phrase'; text: string; start: number; end: number }
  // A field word may carry a quoted value: lijst:"pers regio". valueStart is where the value begins.
  | { type: 'word'; text: string; start: number; end: number; quotedValue?: { text: string; start: number } };

export type LexProblem = { message: string; position: number; length: number; hint?: string };
export type LexResult = { ok: true; tokens: Token[] } | { ok: false; problem: LexProblem };

// Upper case only: "en", "of" and "niet" are ordinary Dutch words an analyst may want to find.
const OPERATORS: Record<string, Operator> = { AND: 'and', EN: 'and', OR: 'or', OF: 'or', NOT: 'not', NIET: 'not' };
const FIELD_PREFIX = /^\p{L}+:$/u;
const WHITESPACE = /\s/;

const endsWord = (char: string | undefined) => char === undefined || WHITESPACE.test(char) || char === '(' || char === ')' || char === '"';

export function lexMonitorQuery(input: string): LexResult {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i] as string;
    if (WHITESPACE.test(char)) {
      i++;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char === '(' ? 'lparen' : 'rparen', text: char, start: i, end: i + 1 });
      i++;
    } else if (char === '"') {
      const close = input.indexOf('"', i + 1);
      if (close === -1) return unclosedQuote(input, i);
      tokens.push({ type: 'phrase', text: input.slice(i + 1, close), start: i, end: close + 1 });
      i = close + 1;
    } else if (char === '-') {
      const next = input[i + 1];
      if (next === undefined || next === ')' || WHITESPACE.test(next)) {
        return {
          ok: false,
          problem: { message: 'Los minteken', position: i, length: 1, hint: 'Zet het minteken direct voor wat er niet in mag staan, zoals -afval' },
        };
      }
      tokens.push({ type: 'minus', text: '-', start: i, end: i + 1 });
      i++;
    } else {
      const start = i;
      while (!endsWord(input[i])) i++;
      const text = input.slice(start, i);
      const op = OPERATORS[text];
      if (op) {
        tokens.push({ type: 'operator', op, text, start, end: i });
      } else if (input[i] === '"' && FIELD_PREFIX.test(text)) {
        const close = input.indexOf('"', i + 1);
        if (close === -1) return unclosedQuote(input, i);
        tokens.push({ type: 'word', text, start, end: close + 1, quotedValue: { text: input.slice(i + 1, close), start: i + 1 } });
        i = close + 1;
      } else {
        tokens.push({ type: 'word', text, start, end: i });
      }
    }
  }
  return { ok: true, tokens };
}

function unclosedQuote(input: string, position: number): LexResult {
  return {
    ok: false,
    problem: {
      message: 'Aanhalingsteken " wordt niet gesloten',
      position,
      length: input.length - position,
      hint: 'Zet een " aan het eind van de zin, zoals "gft container"',
    },
  };
}
