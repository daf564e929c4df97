import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

// What another file calls is named for what it does, verb first (ARCHITECTURE.md, "Names"): `assignConversation`,
// `findVisibleMelding`, `computeKlachtDeadline`. Three habits count as verbs: conversions (`toOutboxView`,
// `fromLittleText`), predicates (`isWorthALook`, `hasMelding`) and `with…` for the input with something added. React components (PascalCase) and the error
// factories of `*.errors.ts`, which are only ever thrown (`throw notFound()`), are named for what they make.
// A verb missing below may be added; a noun may not.
const VERBS = new Set(
  `accept add administers advance alert allow analyse announce answer apply approve archive assert assign attach await
  bring build call can cancel change check claim classify close collect compare compile complete compose compute confirm
  connect consume contains correct count create cycle decide define delete deliver derive describe detect discover draft
  ensure enqueue equals estimate exchange export extend fetch file fill filter find fit focus format from generate get
  group handle has hash import interpolate is judge launch list load lock make map mark match matches may measure
  normalise open parse pick place plan predict prepare process publish queue query read recall record redact register
  remove render reopen replace request require requeue reseal reset resolve restore resubmit run scan scope seal search
  select send set shift should solve split start stop store subscribe summarise switch take thread to tokenize touch
  train unblock unlink update upsert use verify view wait withdraw write acts fingerprint
  insert poll save with reply fold validate upload revoke retry log hand tokenise sign post mail link invite install encode decode clean authenticate unnest unescape track suggest submit stream simulate serves seed score schedule rotate renew remember release receive put passes narrow move migrate merge lex keep join issue inflect convert clear cap begin report serialise discard settle reschedule comment edit`.split(
    /\s+/,
  ),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.errors.ts') ? [path] : [];
  });
}

function exportedFunctionNames(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, false);
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  return file.statements.flatMap((statement) => {
    if (ts.isFunctionDeclaration(statement) && statement.name && exported(statement)) return [statement.name.text];
    if (ts.isVariableStatement(statement) && exported(statement)) {
      return statement.declarationList.declarations
        .filter((d) => d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)) && ts.isIdentifier(d.name))
        .map((d) => (d.name as ts.Identifier).text);
    }
    return [];
  });
}

const firstWord = (name: string) => /^[a-z]+/.exec(name)?.[0] ?? '';

it('noemt elke geëxporteerde functie naar wat ze doet, werkwoord voorop', () => {
  const root = join(import.meta.dirname, '..', '..');
  const files = ['server/src', 'contracts', 'web/src'].flatMap((dir) => sourceFiles(join(root, dir)));
  const nouns = files.flatMap((path) =>
    exportedFunctionNames(path)
      .filter((name) => /^[a-z]/.test(name) && !VERBS.has(firstWord(name)))
      .map((name) => `${relative(root, path)}: ${name}`),
  );
  expect(nouns).toEqual([]);
  expect(files.length).toBeGreaterThan(300);
  expect(VERBS.has(firstWord('conversationFigures'))).toBe(false);
});
