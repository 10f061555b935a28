// The syntax tree as the engine dumps it, read back into nodes; a dump with lines a name added is
// told apart from a real one; quoted and qualified names split as the engine reads them.
import { expect, test } from 'vitest';
import { identifierParts, isWellFormed, parseAstDump, walk } from '../../../api/sql/ast.ts';

const DUMP = `SelectWithUnionQuery (children 1)
 ExpressionList (children 1)
  SelectQuery (children 2)
   ExpressionList (children 1)
    Function sum (alias total) (children 1)
     ExpressionList (children 1)
      Identifier amount_fen
   TablesInSelectQuery (children 1)
    TablesInSelectQueryElement (children 1)
     TableExpression (children 1)
      TableIdentifier default.pos_lines (alias p)
`;

test('each line is a node under the nearest less indented line, with its kind, its argument and no alias', () => {
  const root = parseAstDump(DUMP);
  const nodes = [...walk(root)].slice(1).map((n) => `${n.parent!.kind} > ${n.kind}${n.arg ? ` ${n.arg}` : ''}`);
  expect(nodes).toEqual([
    '(root) > SelectWithUnionQuery', 'SelectWithUnionQuery > ExpressionList', 'ExpressionList > SelectQuery', 'SelectQuery > ExpressionList',
    'ExpressionList > Function sum', 'Function > ExpressionList', 'ExpressionList > Identifier amount_fen', 'SelectQuery > TablesInSelectQuery',
    'TablesInSelectQuery > TablesInSelectQueryElement', 'TablesInSelectQueryElement > TableExpression', 'TableExpression > TableIdentifier default.pos_lines',
  ]);
  expect(isWellFormed(root)).toBe(true);
});

test('an alias with a line break adds a line the counts do not account for', () => {
  const dump = `SelectWithUnionQuery (children 1)
 ExpressionList (children 1)
  SelectQuery (children 1)
   ExpressionList (children 1)
    Literal UInt64_1 (alias x
      Function file)
`;
  expect(isWellFormed(parseAstDump(dump))).toBe(false);
});

test('names split on dots outside quotes', () => {
  expect(identifierParts('system.numbers')).toEqual(['system', 'numbers']);
  expect(identifierParts('`system`.`tables`')).toEqual(['system', 'tables']);
  expect(identifierParts('"db"."t"')).toEqual(['db', 't']);
  expect(identifierParts('`a.b`')).toEqual(['a.b']);
  expect(identifierParts('`we\\`ird`')).toEqual(['we`ird']);
});
