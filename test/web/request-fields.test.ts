// A refusal of one field in the reader's words: the API's usual English sentences, in Chinese, with
// the field named as the form labels it. Worked by hand from the API's messages (contracts/auth.ts,
// api/routes/account.ts).
import { expect, test } from 'vitest';
import { fieldRefusal } from '../../web/request-fields.ts';

test('the sign-in and password forms\' refusals, in Chinese', () => {
  expect(fieldRefusal('login', 'login: is required', 'zh')).toBe('「账号」不能为空');
  expect(fieldRefusal('password', 'password: is required', 'zh')).toBe('「密码」不能为空');
  expect(fieldRefusal('next', 'next: must be at least 8 characters', 'zh')).toBe('「新密码」至少要 8 个字符');
  expect(fieldRefusal('current', 'current: is not your current password', 'zh')).toBe('「当前密码」不正确');
  expect(fieldRefusal('login', 'login: must be 3-64 lower-case letters, digits or . _ - (starting with a letter or digit)', 'zh'))
    .toBe('「账号」须为 3–64 个小写字母、数字或 . _ -（以字母或数字开头）');
});

test('English pages, a message without a field and an unusual message are left to the caller', () => {
  expect(fieldRefusal('login', 'login: is required', 'en')).toBeNull();
  expect(fieldRefusal(undefined, 'is required', 'zh')).toBeNull();
  expect(fieldRefusal('login', 'login: something new', 'zh')).toBeNull();
});
