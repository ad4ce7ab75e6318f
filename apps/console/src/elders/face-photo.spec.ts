import { scaledSize } from './face-photo';

describe('scaledSize', () => {
  it('shrinks a landscape picture so its width is the longest side allowed, keeping its shape', () => {
    expect(scaledSize(4000, 3000, 480)).toEqual({ width: 480, height: 360 });
  });

  it('shrinks a portrait picture by its height', () => {
    expect(scaledSize(3024, 4032, 480)).toEqual({ width: 360, height: 480 });
  });

  it('leaves a picture already small enough as it is, never enlarging it', () => {
    expect(scaledSize(320, 240, 480)).toEqual({ width: 320, height: 240 });
    expect(scaledSize(480, 480, 480)).toEqual({ width: 480, height: 480 });
  });

  it('keeps a very thin picture at least one pixel across', () => {
    expect(scaledSize(10000, 2, 480)).toEqual({ width: 480, height: 1 });
  });

  it('uses 480 pixels by default', () => {
    expect(scaledSize(960, 640)).toEqual({ width: 480, height: 320 });
  });
});
