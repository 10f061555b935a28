// A record that is not JSON becomes a dead letter whose detail says where the parser stopped, without
// the excerpt of the record V8 puts in its message: administrators read the detail, not the data.
import { expect, test } from 'vitest';
import { decodeEvent } from '../../ingest/decode.ts';

const detailOf = (text: string) => {
  const d = decodeEvent('pos', text, 1 << 20, Date.parse('2026-11-30T00:00:00Z'));
  return d.ok ? null : `${d.reason}: ${d.detail}`;
};

test('the parser\'s words are kept, the quoted record is not', () => {
  expect(detailOf('S-5323-0001,20261130,950')).toBe('not_json: Unexpected token \'S\': not valid JSON');
  expect(detailOf('')).toBe('not_json: Unexpected end of JSON input');
  // Whatever the engine's wording for these (it changes between Node versions), no part of the record.
  for (const text of ['{"storeId":"VS-532325101006",totalFen:950}', '{"storeId":"VS-532325101006"', 'VS-532325101006 950']) {
    expect(detailOf(text)).toMatch(/^not_json: /);
    expect(detailOf(text)).not.toMatch(/VS-|532325|storeId/);
  }
});
