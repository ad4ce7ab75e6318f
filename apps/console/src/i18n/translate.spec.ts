import { EN } from './messages.en';
import { ZH } from './messages.zh-CN';
import { otherLocale, parseLocale, translate, translateCode } from './translate';

describe('translate', () => {
  it('speaks zh-CN or English', () => {
    expect(translate('zh-CN', 'nav.queue')).toBe('警情队列');
    expect(translate('en', 'nav.queue')).toBe('Alert queue');
  });

  it('fills the slots of a message', () => {
    expect(translate('zh-CN', 'case.claimed-by-other', { name: '李调度' })).toBe('已被 李调度 认领');
    expect(translate('en', 'queue.open', { count: 3 })).toBe('3 open');
  });

  it('leaves a slot it was given no value for', () => {
    expect(translate('en', 'home.greeting')).toBe('Hello, {name}');
  });

  it('has the same slots in both languages', () => {
    const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const key of Object.keys(ZH) as (keyof typeof ZH)[]) {
      expect({ key, slots: slots(EN[key]) }).toEqual({ key, slots: slots(ZH[key]) });
    }
  });
});

describe('the language choice', () => {
  it.each([
    ['en', 'en'],
    ['zh-CN', 'zh-CN'],
    [null, 'zh-CN'],
    ['fr', 'zh-CN'],
  ])('reads a stored %p as %p', (stored, locale) => {
    expect(parseLocale(stored)).toBe(locale);
  });

  it('switches to the other language', () => {
    expect(otherLocale('zh-CN')).toBe('en');
    expect(otherLocale('en')).toBe('zh-CN');
  });
});

describe('translateCode', () => {
  it('labels a code the server sends, or shows the code', () => {
    expect(translateCode('zh-CN', 'device-type', 'wearable')).toBe('智能手表');
    expect(translateCode('en', 'device-type', 'smoke_detector')).toBe('smoke_detector');
  });
});
