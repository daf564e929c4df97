import type { QueryError, QueryNode } from './monitor-query-types';

// Prints a query in its canonical form: explicit EN/OF/NIET, folded words, canonical field values.
// For everything parseMonitorQuery returns, parsing the printed text gives the same AST back
// (property-tested), so the UI can show a stored monitor as text without keeping the original.
export function formatMonitorQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return node.prefix ? `${node.value}*` : node.value;
    case 'phrase':
      return `"${node.words.join(' ')}"`;
    case 'hashtag':
      return `#${node.value}`;
    case 'mention':
      return `@${node.value}`;
    case 'field':
      return `${node.field}:${formatFieldValue(node)}`;
    case 'and':
      return node.children.map((child) => group(child, child.kind === 'and' || child.kind === 'or')).join(' EN ');
    case 'or':
      return node.children.map((child) => group(child, child.kind === 'or')).join(' OF ');
    case 'not':
      return `NIET ${group(node.child, node.child.kind === 'and' || node.child.kind === 'or')}`;
  }
}

function group(node: QueryNode, needsParentheses: boolean): string {
  const text = formatMonitorQuery(node);
  return needsParentheses ? `(${text})` : text;
}

function formatFieldValue(node: Extract<QueryNode, { kind: 'field' }>): string {
  if (node.near) return `${node.near.lat},${node.near.lon}~${node.near.radiusKm}km`;
  if (node.field === 'auteur') return `@${node.value}`;
  return /[\s()]/.test(node.value) ? `"${node.value}"` : node.value;
}

const EXCERPT_CONTEXT = 20;

// One line for logs, the CLI and screen readers: the message, a 1-based position and the text around
// it with ▮ where the problem starts.
export function describeQueryError(input: string, error: Pick<QueryError, 'message' | 'position' | 'hint'>): string {
  const position = Math.min(Math.max(0, error.position), input.length);
  const from = Math.max(0, position - EXCERPT_CONTEXT);
  const to = Math.min(input.length, position + EXCERPT_CONTEXT);
  const before = `${from > 0 ? '…' : ''}${input.slice(from, position)}`;
  const after = `${input.slice(position, to)}${to < input.length ? '…' : ''}`;
  const excerpt = `${before}▮${after}`.replace(/\s/g, ' ');
  return `${error.message} bij positie ${position + 1}: ${excerpt}${error.hint ? `. ${error.hint}` : ''}`;
}

// The municipality boundaries a query needs (plaats:GM0383), so the server loads only those.
export function collectBoundaryCodes(node: QueryNode): string[] {
  const codes = new Set<string>();
  const visit = (part: QueryNode): void => {
    if (part.kind === 'field' && part.field === 'plaats' && !part.near) codes.add(part.value);
    else if (part.kind === 'and' || part.kind === 'or') part.children.forEach(visit);
    else if (part.kind === 'not') visit(part.child);
  };
  visit(node);
  return [...codes];
}
