// Text people type for others to read: names of accounts, tokens and saved queries, a target's
// label, a national figure's source. They reach tables, reports (XLSX, PDF), exports and logs.
import { z } from 'zod';

// C0 and C1 controls (a NUL or a bell broke nothing visible but sat in the reports' cells), line and
// paragraph separators, and the bidirectional embeddings, overrides and isolates, which can make a
// name read as another ("\u202Egnp.exe"). Tab and line breaks only where a text may have lines.
const ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;
const LINES = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;

/** `schema` refusing control characters and direction overrides (and line breaks unless `lines`). */
export function plainText(schema: z.ZodString, o: { lines?: boolean } = {}): z.ZodString {
  return o.lines
    ? schema.regex(LINES, 'must not contain control characters or direction overrides')
    : schema.regex(ONE_LINE, 'must be one line without control characters or direction overrides');
}
