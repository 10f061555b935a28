// The engine's `EXPLAIN AST` dump as a tree. Each line is one node: its indentation is its depth,
// then the node's kind and what the kind carries (a function's name, a table's identifier), then
// `(alias x)` and `(children N)`:
//   SelectWithUnionQuery (children 1)
//    ExpressionList (children 1)
//     SelectQuery (children 2)
//      ...
//       TableIdentifier system.numbers (alias n)
// The engine's own parser made it, so the guard reads what the engine will run, not the text.

export interface AstNode {
  kind: string; // SelectWithUnionQuery, Function, TableIdentifier, Identifier, Literal, Explain ...
  arg: string; // what follows the kind: `sum`, `system.numbers`, `EXPLAIN AST`; '' when nothing
  parent: AstNode | null;
  children: AstNode[];
  declared: number; // children the dump says the node has
}

export function parseAstDump(dump: string): AstNode {
  const root: AstNode = { kind: '(root)', arg: '', parent: null, children: [], declared: 1 };
  const stack: { depth: number; node: AstNode }[] = [{ depth: -1, node: root }];
  for (const line of dump.split('\n')) {
    if (line.trim() === '') continue;
    const depth = line.length - line.trimStart().length;
    let declared = Number(/\(children (\d+)\)$/.exec(line.trim())?.[1] ?? 0);
    let body = line.trim().replace(/\s*\(children \d+\)$/, '');
    // The alias is printed unquoted: one with a bracket in it (`AS \`x)y\``) would leave
    // `accounts (alias x)` as the table's name, which no check knows. The name is what precedes
    // the first ` (alias `, and an alias with a bracket makes the dump malformed, so it is refused.
    const aliasAt = body.indexOf(' (alias ');
    if (aliasAt >= 0) {
      if (!/^ \(alias [^()]*\)$/.test(body.slice(aliasAt))) declared = -1;
      body = body.slice(0, aliasAt);
    }
    const space = body.indexOf(' ');
    const kind = space < 0 ? body : body.slice(0, space);
    const arg = space < 0 ? '' : body.slice(space + 1).trim();
    while (stack.at(-1)!.depth >= depth) stack.pop();
    const parent = stack.at(-1)!.node;
    const node: AstNode = { kind, arg, parent, children: [], declared };
    parent.children.push(node);
    stack.push({ depth, node });
  }
  return root;
}

/**
 * Whether every node has the children its line declares. The dump prints names and aliases as they
 * are, so a name with a line break in it (`AS \`x<newline> Function file\``) would add lines that
 * look like nodes; counting catches them. (The checks read each node by its own line's kind and
 * name, which such text cannot change, so this is a second line, not the only one.)
 */
export function isWellFormed(root: AstNode): boolean {
  for (const node of walk(root)) if (node.children.length !== node.declared) return false;
  return true;
}

export function* walk(node: AstNode): Generator<AstNode> {
  yield node;
  for (const child of node.children) yield* walk(child);
}

/** `db`.`t`, "db"."t" and db.t all read as ['db', 't']. */
export function identifierParts(arg: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < arg.length; i++) {
    const c = arg[i]!;
    if (quote) {
      if (c === '\\' && i + 1 < arg.length) current += arg[++i];
      else if (c === quote) quote = null;
      else current += c;
    } else if (c === '`' || c === '"') quote = c;
    else if (c === '.') {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}
