// A refusal of one field in the reader's words: the API's usual English sentences, in Chinese, with
// the field named as the form labels it. Worked by hand from the API's messages (contracts/auth.ts,
// api/routes/account.ts).
import { expect, test } from 'vitest';
import { fieldRefusal } from '../../web/request-fields.ts';
import { SCOPE_REASONS } from '../../web/scope-reasons.ts';

test('the sign-in and password forms\' refusals, in Chinese', () => {
  expect(fieldRefusal('login', 'login: is required', 'zh')).toBe('「账号」不能为空');
  expect(fieldRefusal('password', 'password: is required', 'zh')).toBe('「密码」不能为空');
  expect(fieldRefusal('next', 'next: must be at least 8 characters', 'zh')).toBe('「新密码」至少要 8 个字符');
  expect(fieldRefusal('current', 'current: is not your current password', 'zh')).toBe('「当前密码」不正确');
  expect(fieldRefusal('login', 'login: must be 3-64 lower-case letters, digits or . _ - (starting with a letter or digit)', 'zh'))
    .toBe('「账号」须为 3–64 个小写字母、数字或 . _ -（以字母或数字开头）');
});

test('an account\'s scope refused, in Chinese: each of the API\'s sentences about an area or stores', () => {
  // The API's words, from contracts/auth.ts (the request's checks) and api/auth/accounts.ts (the directory's).
  // The accounts page's own reasons: the pages that load every other form do not carry them.
  expect(fieldRefusal('areaCode', 'areaCode: is required for an official', 'zh')).toBeNull();
  expect(fieldRefusal('areaCode', 'areaCode: is required for an official', 'zh', SCOPE_REASONS)).toBe('「地区」不能为空：商务主管部门账号须指定所辖地区');
  expect(fieldRefusal('areaCode', 'areaCode: must be 5323 (the prefecture) or a 6-digit county code in Chuxiong', 'zh', SCOPE_REASONS))
    .toBe('「地区」须为 5323（全州）或州内某县（市）的 6 位代码');
  expect(fieldRefusal('areaCode', 'unknown area code 532399: an official oversees 5323 or one of its counties', 'zh', SCOPE_REASONS))
    .toBe('「地区」不是全州（5323）或州内的县（市）代码');
  expect(fieldRefusal('areaCode', 'areaCode: is only for officials, not merchant', 'zh', SCOPE_REASONS)).toBe('「地区」只用于商务主管部门账号');
  expect(fieldRefusal('storeIds', 'storeIds: is required for a merchant', 'zh', SCOPE_REASONS)).toBe('「门店」不能为空：商户账号至少要有一家门店');
  expect(fieldRefusal('storeIds', 'storeIds: must name at least one store', 'zh', SCOPE_REASONS)).toBe('「门店」不能为空：商户账号至少要有一家门店');
  expect(fieldRefusal('storeIds', 'storeIds: must name at most 50 stores', 'zh', SCOPE_REASONS)).toBe('「门店」最多 50 家门店');
  expect(fieldRefusal('storeIds', 'storeIds: is only for merchants, not official', 'zh', SCOPE_REASONS)).toBe('「门店」只用于商户账号');
  expect(fieldRefusal('storeIds.1', 'storeIds.1: must be 1-64 letters, digits or . _ : -', 'zh', SCOPE_REASONS)).toBe('「门店」中的门店编号须为 1–64 个字母、数字或 . _ : -');
});

test('a week in a link refused, in Chinese, with the week that may be asked (api/workspace/summary.ts, contracts/workspace.ts)', () => {
  expect(fieldRefusal('week', 'week: must be a Monday (weeks start on Monday)', 'zh')).toBe('「周」须是星期一（每周从星期一开始）');
  expect(fieldRefusal('week', 'week: 2030-01-07 has not begun: the current week starts 2026-11-30', 'zh')).toBe('「周」不能是还没开始的一周（2030-01-07）：本周从 2026-11-30 开始');
});

test('English pages, a message without a field and an unusual message are left to the caller', () => {
  expect(fieldRefusal('login', 'login: is required', 'en')).toBeNull();
  expect(fieldRefusal(undefined, 'is required', 'zh')).toBeNull();
  expect(fieldRefusal('login', 'login: something new', 'zh')).toBeNull();
});
