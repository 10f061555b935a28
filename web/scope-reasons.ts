// The API's refusals of an account's scope, in Chinese (contracts/auth.ts, api/auth/accounts.ts):
// only the accounts page says them, so they are its own, not in the reasons every page loads.
import type { Reasons } from './request-fields.ts';

export const SCOPE_REASONS: Reasons = [
  [/must be 5323 \(the prefecture\) or a 6-digit county code/, '须为 5323（全州）或州内某县（市）的 6 位代码'],
  [/an official oversees 5323 or one of its counties/, '不是全州（5323）或州内的县（市）代码'],
  [/is required for an official/, '不能为空：商务主管部门账号须指定所辖地区'],
  [/is required for a merchant|must name at least one store|a merchant needs at least one store/, '不能为空：商户账号至少要有一家门店'],
  [/must name at most (\d+) stores/, '最多 $1 家门店'],
  [/is only for officials|an area is only for officials/, '只用于商务主管部门账号'],
  [/is only for merchants|stores are only for merchants/, '只用于商户账号'],
  [/must be 1-64 letters, digits or \. _ : -/, '中的门店编号须为 1–64 个字母、数字或 . _ : -'],
];
