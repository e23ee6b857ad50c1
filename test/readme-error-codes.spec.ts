import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ErrorCode } from '@ticketing/platform/domain';
import ts from 'typescript';

const root = join(__dirname, '..');

/** The README's "Error codes" section: what clients are told they may receive. */
function documentedErrors(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('## Error codes');
  return readme.slice(start, readme.indexOf('\n## ', start + 1));
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** As `notFound` names its reason: `Ticket type` gives TICKET_TYPE_NOT_FOUND. */
function notFoundReason(what: string): string {
  return `${what.replace(/\s+/g, '_').toUpperCase()}_NOT_FOUND`;
}

/** Helpers whose first argument is the reason a client receives. */
const reasonFirst = new Set(['ruleViolation', 'conflict', 'invalidRequest']);

/** Every reason the code can give, with a file that gives it, read from its calls of the error helpers. */
function reasonsInCode(): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const file of [...sourceFiles(join(root, 'libs')), ...sourceFiles(join(root, 'apps'))]) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const found = (reason: string) => reasons.set(reason, relative(root, file));
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
        const [first] = node.arguments;
        if (first && ts.isStringLiteral(first)) {
          if (reasonFirst.has(node.expression.text)) found(first.text);
          if (node.expression.text === 'notFound') found(notFoundReason(first.text));
        }
      }
      if (
        ts.isNewExpression(node) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'AppError'
      ) {
        const reason = node.arguments?.[2];
        if (reason && ts.isStringLiteral(reason)) found(reason.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return reasons;
}

describe('README error codes', () => {
  const documented = documentedErrors();

  it('lists every extensions.code', () => {
    const missing = Object.values(ErrorCode).filter((code) => !documented.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it('lists every reason the code can give', () => {
    const reasons = reasonsInCode();
    const missing = [...reasons].filter(([reason]) => !documented.includes(`\`${reason}\``));

    expect(reasons.size).toBeGreaterThan(100);
    expect(missing.map(([reason, file]) => `${reason} (${file})`)).toEqual([]);
  });
});
