import type { MessageKey } from '../i18n/messages.zh-CN';
import { translate, type Locale } from '../i18n/translate';

const LABELLED: Record<string, MessageKey> = {
  heartRate: 'reading.heartRate',
  spo2: 'reading.spo2',
  bodyTempC: 'reading.bodyTempC',
  steps: 'reading.steps',
  totalLiters: 'reading.totalLiters',
  flowLpm: 'reading.flowLpm',
  battery: 'reading.battery',
  accuracyM: 'reading.accuracyM',
  confidence: 'reading.confidence',
  breathingRate: 'reading.breathingRate',
  minutesOut: 'reading.minutesOut',
  minutesOutTonight: 'reading.minutesOutTonight',
};

function show(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * A device reading or an alert's evidence as short phrases: 心率 128 次/分, 血氧 91%, a position as coordinates.
 * Fields the console has no words for still show, as `name: value`, so nothing the server sends is hidden.
 */
export function readingFacts(data: Record<string, unknown>, locale: Locale): string[] {
  const facts: string[] = [];
  for (const [name, value] of Object.entries(data)) {
    if (name === 'lon' && typeof data.lat === 'number') continue;
    if (name === 'lat' && typeof value === 'number' && typeof data.lon === 'number') {
      facts.push(`${value.toFixed(5)}, ${data.lon.toFixed(5)}`);
    } else if (name === 'worn' && typeof value === 'boolean') {
      facts.push(translate(locale, value ? 'reading.worn-true' : 'reading.worn-false'));
    } else if (name === 'inBed' && typeof value === 'boolean') {
      facts.push(translate(locale, value ? 'reading.inBed-true' : 'reading.inBed-false'));
    } else if (Object.hasOwn(LABELLED, name) && typeof value === 'number') {
      facts.push(translate(locale, LABELLED[name], { value: show(value) }));
    } else {
      facts.push(`${name}: ${show(value)}`);
    }
  }
  return facts;
}
