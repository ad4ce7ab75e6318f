import { calleesOf, telHref } from './callees';

describe('calleesOf', () => {
  it('lists the elder first, then the contacts in their order', () => {
    const sut = calleesOf({
      name: '王秀英',
      phone: '13800001111',
      contacts: [
        { name: '李娟', relation: '女儿', phone: '13900002222' },
        { name: '张强', relation: '社区网格员', phone: '13700003333' },
      ],
    });
    expect(sut).toEqual([
      { contactIndex: null, name: '王秀英', relation: null, phone: '13800001111' },
      { contactIndex: 0, name: '李娟', relation: '女儿', phone: '13900002222' },
      { contactIndex: 1, name: '张强', relation: '社区网格员', phone: '13700003333' },
    ]);
  });
});

describe('telHref', () => {
  it.each([
    ['13800001111', 'tel:13800001111'],
    ['0791-8888 1234', 'tel:079188881234'],
    ['+86 138 0000 1111', 'tel:+8613800001111'],
    ['138****1111', null],
    ['', null],
  ])('dials %p as %p', (phone, href) => {
    expect(telHref(phone)).toBe(href);
  });
});
