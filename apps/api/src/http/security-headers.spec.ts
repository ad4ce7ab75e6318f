import { tileSourceOf } from './security-headers';

describe('tileSourceOf', () => {
  it.each([
    ['https://tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://tile.openstreetmap.org'],
    ['https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png', 'https://*.tile.openstreetmap.org'],
    ['http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png', 'http://127.0.0.1:8080'],
    ['HTTPS://Tiles.Example.CN/{z}/{x}/{y}.png?key=abc', 'https://tiles.example.cn'],
    ['', undefined],
    ['/tiles/{z}/{x}/{y}.png', undefined],
    ["https://evil.example; script-src 'unsafe-inline'/{z}", undefined],
  ])('reads %j as %j', (tileUrl, expected) => {
    expect(tileSourceOf(tileUrl)).toBe(expected);
  });
});
