import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-body';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('nestsDeeperThan', () => {
  it.each([
    ['a flat object', '{"a":1,"b":[1,2]}', 2, false],
    ['exactly the limit', nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH, false],
    ['one past the limit', nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH, true],
    ['thousands of levels', '{"a":'.repeat(6000) + '1' + '}'.repeat(6000), MAX_JSON_DEPTH, true],
    ['brackets inside a string', `{"note":"${'['.repeat(100)}"}`, 2, false],
    ['an escaped quote before brackets in a string', `{"note":"\\"${'{'.repeat(100)}"}`, 2, false],
    ['an escaped backslash ending a string', `{"a":"\\\\","b":[[[1]]]}`, 3, true],
    ['Chinese text around brackets', '{"名字":"王秀英[[[","地址":[["八一大道"]]]}', 3, false],
    ['siblings that each stay shallow', '[[1],[2],[3],[4]]', 2, false],
  ])('%s', (_case, text, max, expected) => {
    expect(nestsDeeperThan(bytes(text), max)).toBe(expected);
  });
});
