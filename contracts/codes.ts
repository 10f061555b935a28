// Codes the API and the web app share at run time, in a module without zod: the web app's bundle
// imports runtime values only from zod-free modules (its budget has no room for a validator), and
// types from the others.

export const PREFECTURE_CODE = '5323'; // 楚雄彝族自治州

export const ROLES = ['admin', 'official', 'merchant', 'analyst'] as const;
export type Role = (typeof ROLES)[number];
