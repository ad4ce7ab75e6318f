/**
 * Who a user is to the platform.
 * STORED OUTSIDE THE CODE: users rows keep these codes. Never rename one; add a role and migrate instead.
 */
export const ROLES = [
  'operator',
  'supervisor',
  'provider_admin',
  'caregiver',
  'family',
  'bureau',
  'admin',
  'cashier',
  'volunteer',
  'inspector',
  'contractor',
] as const;

/** One of `ROLES`. */
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Labels for the console, zh-CN first. */
export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  operator: { zh: '调度员', en: 'dispatch operator' },
  supervisor: { zh: '值班主管', en: 'supervisor' },
  provider_admin: { zh: '服务商管理员', en: 'care provider admin' },
  caregiver: { zh: '护理员', en: 'caregiver' },
  family: { zh: '家属', en: 'family' },
  bureau: { zh: '民政局', en: 'civil-affairs bureau' },
  admin: { zh: '系统管理员', en: 'administrator' },
  cashier: { zh: '助餐收银员', en: 'canteen cashier' },
  volunteer: { zh: '时间银行志愿者', en: 'time-bank volunteer' },
  inspector: { zh: '适老化改造验收员', en: 'home adaptation inspector' },
  contractor: { zh: '适老化改造施工单位', en: 'home adaptation contractor' },
};
