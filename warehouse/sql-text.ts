// SQL files hold one statement (queries) or several separated by `;` at a line end
// (migrations). Neither chdb nor the HTTP interface runs several statements in one call.

/** Splits SQL text into statements, dropping `--` comment lines and blank statements. */
export function splitStatements(text: string): string[] {
  const body = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n');
  return body
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
