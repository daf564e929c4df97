import { parseFieldValue, QUERY_FIELDS, type QueryField } from './monitor-query-fields';
import { lexMonitorQuery, type Token } from './monitor-query-lexer';
import { foldHandle, foldText, HANDLE_VALUE, HASHTAG_VALUE, tokenise } from './monitor-query-text';
import type { QueryError, QueryNode } from './monitor-query-types';

// The query language of a monitor (issue 6, point 1). Parsed in the browser while the analyst types and
// again on the server before saving; the server stores the AST and compiles it into a matcher.

export type { QueryError, QueryNode } from './monitor-query-types';
export type ParseResult = { ok: true; query: QueryNode } | { ok: false; error: QueryError };

export const MAX_QUERY_LENGTH = 2000;
export const MAX_QUERY_DEPTH = 20;
const MIN_PREFIX_LENGTH = 2;

export { QUERY_FIELDS, type QueryField } from './monitor-query-fields';
export { collectBoundaryCodes, describeQueryError, formatMonitorQuery } from './monitor-query-format';
export { MONITOR_QUERY_SYNTAX } from './monitor-query-syntax';

class ParseFailure extends Error {
  constructor(readonly problem: QueryError) {
    super(problem.message);
  }
}

function fail(message: string, position: number, length: number, hint?: string): never {
  throw new ParseFailure(hint ? { message, position, length, hint } : { message, position, length });
}

export function parseMonitorQuery(input: string): ParseResult {
  if (input.length > MAX_QUERY_LENGTH) {
    return failure(`De zoekvraag is te lang: ${input.length} tekens, het maximum is 2.000`, MAX_QUERY_LENGTH, input.length - MAX_QUERY_LENGTH);
  }
  if (input.trim() === '') {
    return failure('De zoekvraag is leeg', 0, input.length, 'Typ een woord, een "zin", een #hashtag of een @account');
  }
  const lexed = lexMonitorQuery(input);
  if (!lexed.ok) return { ok: false, error: lexed.problem };
  try {
    const parser = new Parser(input, lexed.tokens);
    const query = parser.parseQuery();
    refuseOnlyNegations(query, parser.spans);
    return { ok: true, query };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.problem };
    // A bug here must never break the editor; the property tests keep this branch unreachable.
    return failure('De zoekvraag kon niet worden gelezen', 0, input.length);
  }
}

function failure(message: string, position: number, length: number, hint?: string): ParseResult {
  return { ok: false, error: hint ? { message, position, length, hint } : { message, position, length } };
}

type Span = { start: number; end: number };

// Precedence NOT > AND > OR; adjacent operands are an implicit AND.
class Parser {
  readonly spans = new WeakMap<QueryNode, Span>();
  private index = 0;
  private depth = 0;

  constructor(
    private readonly input: string,
    private readonly tokens: Token[],
  ) {}

  parseQuery(): QueryNode {
    this.expectOperand();
    const query = this.parseOr();
    const rest = this.peek();
    if (rest?.type === 'rparen') fail('Haakje ")" zonder "(" ervoor', rest.start, 1);
    return query;
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    for (let token = this.peek(); token?.type === 'operator' && token.op === 'or'; token = this.peek()) {
      this.index++;
      this.expectOperand();
      children.push(this.parseAnd());
    }
    return this.combine('or', children);
  }

  private parseAnd(): QueryNode {
    const children = [this.parseUnary()];
    for (let token = this.peek(); token; token = this.peek()) {
      if (token.type === 'operator' && token.op === 'and') {
        this.index++;
        this.expectOperand();
      } else if (!startsOperand(token)) {
        break;
      }
      children.push(this.parseUnary());
    }
    return this.combine('and', children);
  }

  private parseUnary(): QueryNode {
    const token = this.peek() as Token;
    if (token.type === 'minus' || (token.type === 'operator' && token.op === 'not')) {
      this.index++;
      this.enter(token);
      this.expectOperand();
      const child = this.parseUnary();
      this.depth--;
      return this.spanned({ kind: 'not', child }, token.start, this.spanOf(child).end);
    }
    return this.parsePrimary();
  }

  private parsePrimary(): QueryNode {
    const token = this.next();
    if (token.type === 'phrase') return this.parsePhrase(token);
    if (token.type === 'word') return this.parseWord(token);
    // expectOperand() let only an opening parenthesis through.
    this.enter(token);
    const close = this.peek();
    if (close?.type === 'rparen') fail('Lege haakjes', token.start, close.end - token.start, 'Zet tussen de haakjes waar u naar zoekt');
    this.expectOperand();
    const inner = this.parseOr();
    const after = this.peek();
    if (after?.type !== 'rparen') {
      const position = this.tokens[this.index - 1]?.end ?? this.input.length;
      fail('Haakje ")" ontbreekt', position, 0, `Het haakje "(" op positie ${token.start + 1} wordt niet gesloten`);
    }
    this.index++;
    this.depth--;
    return inner;
  }

  private parsePhrase(token: Token): QueryNode {
    const words = tokenise(token.text);
    if (words.length === 0) fail('Tussen de aanhalingstekens staat geen woord', token.start, token.end - token.start);
    return this.spanned({ kind: 'phrase', words }, token.start, token.end);
  }

  private parseWord(token: Extract<Token, { type: 'word' }>): QueryNode {
    const { text, start, end } = token;
    const length = end - start;
    const field = /^(\p{L}+):/u.exec(text);
    if (field) return this.parseField(token, field[1] as string);
    if (text.startsWith('#')) {
      const value = foldText(text.slice(1));
      if (value === '') fail('Na "#" ontbreekt de hashtag', start, length, 'Bijvoorbeeld #afval');
      if (!HASHTAG_VALUE.test(value)) fail(`Ongeldige hashtag "${text}"`, start, length, 'Een hashtag bestaat uit letters, cijfers en _');
      return this.spanned({ kind: 'hashtag', value }, start, end);
    }
    if (text.startsWith('@')) {
      const value = foldHandle(text);
      if (value === '') fail('Na "@" ontbreekt de accountnaam', start, length, 'Bijvoorbeeld @gemeentehattem');
      if (!HANDLE_VALUE.test(value)) fail(`Ongeldige accountnaam "${text}"`, start, length, 'Een accountnaam bestaat uit letters, cijfers en _ . - @');
      return this.spanned({ kind: 'mention', value }, start, end);
    }
    const star = text.indexOf('*');
    if (star !== -1) return this.parsePrefix(token, star);
    const words = tokenise(text);
    if (words.length === 0) fail(`"${text}" bevat geen letters of cijfers`, start, length);
    const node: QueryNode = words.length === 1 ? { kind: 'term', value: words[0] as string, prefix: false } : { kind: 'phrase', words };
    return this.spanned(node, start, end);
  }

  private parsePrefix(token: Token, star: number): QueryNode {
    const { text, start, end } = token;
    if (star !== text.length - 1)
      fail('Een * mag alleen aan het eind van een woord staan', start + star, 1, 'Bijvoorbeeld afval* voor afval, afvalbak en afvalinzameling');
    const words = tokenise(text.slice(0, -1));
    if (words.length === 0) fail('Een * hoort achter een woord', start + star, 1, 'Bijvoorbeeld afval*');
    if (words.length > 1) fail('Een * werkt op één woord', start, end - start, 'Laat leestekens weg of zet de woorden los');
    const value = words[0] as string;
    if (value.length < MIN_PREFIX_LENGTH) fail('Zet minstens twee letters vóór de *', start, end - start);
    return this.spanned({ kind: 'term', value, prefix: true }, start, end);
  }

  private parseField(token: Extract<Token, { type: 'word' }>, name: string): QueryNode {
    const field = name.toLowerCase() as QueryField;
    if (!(QUERY_FIELDS as readonly string[]).includes(field)) {
      fail(`Onbekend veld "${name}"; kies uit ${QUERY_FIELDS.slice(0, -1).join(', ')} of ${QUERY_FIELDS.at(-1)}`, token.start, name.length);
    }
    const raw = token.quotedValue?.text ?? token.text.slice(name.length + 1);
    const valueStart = token.quotedValue?.start ?? token.start + name.length + 1;
    if (raw.trim() === '') fail(`Na "${name}:" ontbreekt een waarde`, token.start, token.end - token.start);
    const parsed = parseFieldValue(field, raw);
    if (!parsed.ok) {
      const { message, offset, length, hint } = parsed.problem;
      fail(message, valueStart + offset, length, hint);
    }
    const { value, near } = parsed.value;
    const node: QueryNode = near ? { kind: 'field', field, value, near } : { kind: 'field', field, value };
    return this.spanned(node, token.start, token.end);
  }

  // An operand must follow here; name the operator that lacks one, or the one that came too early.
  private expectOperand() {
    const token = this.peek();
    if (token && startsOperand(token)) return;
    const previous = this.tokens[this.index - 1];
    if (previous && (previous.type === 'minus' || (previous.type === 'operator' && previous.op === 'not'))) {
      fail(`Na "${previous.text}" ontbreekt wat er niet in mag staan`, previous.start, previous.end - previous.start, 'Bijvoorbeeld: afval NIET gft');
    }
    if (previous?.type === 'operator') {
      fail(`Na "${previous.text}" ontbreekt een zoekterm`, previous.start, previous.end - previous.start, 'Bijvoorbeeld: afval OF gft');
    }
    if (token?.type === 'operator') {
      fail(`Vóór "${token.text}" ontbreekt een zoekterm`, token.start, token.end - token.start, 'Bijvoorbeeld: afval OF gft');
    }
    if (token?.type === 'rparen') fail('Haakje ")" zonder "(" ervoor', token.start, 1);
    fail('Na "(" ontbreekt een zoekterm', previous?.start ?? 0, 1, 'Bijvoorbeeld: (afval OF gft) container');
  }

  private enter(token: Token) {
    this.depth++;
    if (this.depth > MAX_QUERY_DEPTH) {
      fail('De zoekvraag is te diep genest', token.start, token.end - token.start, `Gebruik hoogstens ${MAX_QUERY_DEPTH} lagen haakjes en NIET in elkaar`);
    }
  }

  // (a b) c is one AND of three: nested groups of the same operator are flattened.
  private combine(kind: 'and' | 'or', parts: QueryNode[]): QueryNode {
    if (parts.length === 1) return parts[0] as QueryNode;
    const children = parts.flatMap((part) => (part.kind === kind ? part.children : [part]));
    return this.spanned({ kind, children }, this.spanOf(parts[0] as QueryNode).start, this.spanOf(parts.at(-1) as QueryNode).end);
  }

  private spanned(node: QueryNode, start: number, end: number): QueryNode {
    this.spans.set(node, { start, end });
    return node;
  }

  private spanOf(node: QueryNode): Span {
    return this.spans.get(node) ?? { start: 0, end: this.input.length };
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token {
    return this.tokens[this.index++] as Token;
  }
}

function startsOperand(token: Token): boolean {
  return (
    token.type === 'word' || token.type === 'phrase' || token.type === 'lparen' || token.type === 'minus' || (token.type === 'operator' && token.op === 'not')
  );
}

// "NIET afval" would match nearly every message. A query must require something to be present:
// required(n) says whether n needs something present, required(NOT n) follows De Morgan.
function refuseOnlyNegations(query: QueryNode, spans: WeakMap<QueryNode, Span>) {
  if (requiresPresence(query, false)) return;
  const culprit = blame(query);
  const span = spans.get(culprit) ?? { start: 0, end: 0 };
  fail(
    'Deze zoekvraag sluit alleen uit en zou bijna alle berichten vinden',
    span.start,
    span.end - span.start,
    'Zet er iets naast dat er wél in moet staan, bijvoorbeeld: afval NIET gft',
  );
}

function requiresPresence(node: QueryNode, negated: boolean): boolean {
  switch (node.kind) {
    case 'not':
      return requiresPresence(node.child, !negated);
    case 'and':
      return negated ? node.children.every((child) => requiresPresence(child, true)) : node.children.some((child) => requiresPresence(child, false));
    case 'or':
      return negated ? node.children.some((child) => requiresPresence(child, true)) : node.children.every((child) => requiresPresence(child, false));
    default:
      return !negated;
  }
}

// The smallest part that makes the whole query match by absence: for an OR, its first such branch.
function blame(node: QueryNode): QueryNode {
  if (node.kind !== 'or') return node;
  const branch = node.children.find((child) => !requiresPresence(child, false));
  return branch ? blame(branch) : node;
}
