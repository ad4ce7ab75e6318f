/** How a service is counted: per visit, per meal, or per hour of work. */
export type ServiceUnit = 'visit' | 'meal' | 'hour';

/**
 * The basic services the city buys for eligible elders (基本养老服务清单), with their unit and default duration.
 * STORED OUTSIDE THE CODE: plans, work orders and entitlement rules keep these codes. Never rename one.
 */
export const SERVICES = {
  'meal-canteen': { zh: '助餐（堂食）', en: 'meal at a canteen', unit: 'meal', minutes: 45 },
  'meal-delivery': { zh: '助餐（送餐）', en: 'meal delivered', unit: 'meal', minutes: 15 },
  cleaning: { zh: '助洁', en: 'cleaning', unit: 'hour', minutes: 120 },
  bathing: { zh: '助浴', en: 'bathing', unit: 'visit', minutes: 60 },
  'medical-escort': { zh: '助医', en: 'medical escort', unit: 'hour', minutes: 180 },
  mobility: { zh: '助行', en: 'walking and transport', unit: 'hour', minutes: 60 },
  'emergency-help': { zh: '助急', en: 'emergency help', unit: 'visit', minutes: 60 },
  'safety-check': { zh: '助安', en: 'home safety check', unit: 'visit', minutes: 30 },
  companionship: { zh: '助乐', en: 'companionship', unit: 'hour', minutes: 60 },
  rehab: { zh: '康复', en: 'rehabilitation', unit: 'hour', minutes: 60 },
  'personal-care': { zh: '照护', en: 'personal care', unit: 'hour', minutes: 60 },
  'look-in': { zh: '巡访·日常探视', en: 'daily look-in', unit: 'visit', minutes: 20 },
  'scheduled-visit': { zh: '巡访·定期巡访', en: 'scheduled visit', unit: 'visit', minutes: 45 },
  'pairing-support': { zh: '巡访·结对帮扶', en: 'pairing support', unit: 'visit', minutes: 60 },
  errands: { zh: '代办/代购', en: 'errands and shopping', unit: 'visit', minutes: 60 },
} as const satisfies Record<string, { zh: string; en: string; unit: ServiceUnit; minutes: number }>;

export type ServiceCode = keyof typeof SERVICES;

export const SERVICE_CODES = Object.keys(SERVICES) as ServiceCode[];

export function isServiceCode(value: string): value is ServiceCode {
  return Object.hasOwn(SERVICES, value);
}

/** What one visit of `minutes` counts against the monthly allowance, in the service's unit. */
export function quantityOf(service: ServiceCode, minutes: number = SERVICES[service].minutes): number {
  return SERVICES[service].unit === 'hour' ? minutes / 60 : 1;
}
