import { DomainError } from '../errors/domain-error';
import {
  balancesOf,
  coinsOf,
  elderAccount,
  escrowAccount,
  giveCoins,
  holdForRequest,
  payForRequest,
  releaseRequest,
  reverseMovement,
  volunteerAccount,
  type JournalMovement,
  type LedgerEntry,
  type TimeCoinAccount,
} from './time-coin-ledger';

/** A journal in memory: each movement is built from the balances its entries would be written against. */
class Journal {
  readonly movements: JournalMovement[] = [];
  get entries(): LedgerEntry[] {
    return this.movements.flatMap((movement) => movement.entries);
  }
  get balances(): Map<TimeCoinAccount, number> {
    return balancesOf(this.entries);
  }
  write(build: (balances: Map<TimeCoinAccount, number>) => JournalMovement): JournalMovement {
    const movement = build(this.balances);
    this.movements.push(movement);
    return movement;
  }
}

const codeOf = (work: () => unknown): string | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
};

/** A small deterministic generator, so a failing sequence can be replayed. */
function draws(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('the time-coin ledger', () => {
  let sut: Journal;
  beforeEach(() => {
    sut = new Journal();
  });

  it('holds a request’s coins in escrow and pays the volunteer the approved minutes on confirmation', () => {
    sut.write((b) => holdForRequest({ id: 'r1', payer: 'city', minutes: 90 }, b));
    expect(sut.balances.get(escrowAccount('r1'))).toBe(90);
    sut.write((b) => payForRequest({ id: 'r1', payer: 'city', volunteerId: 'v1' }, 60, b));
    expect(sut.balances.get(volunteerAccount('v1'))).toBe(60);
    expect(sut.balances.get(escrowAccount('r1'))).toBe(0);
    expect(sut.balances.get('city')).toBe(-60);
    expect(coinsOf(sut.balances.get(volunteerAccount('v1')) ?? 0)).toBe(1);
  });

  it('never pays more than the request held', () => {
    sut.write((b) => holdForRequest({ id: 'r1', payer: 'city', minutes: 60 }, b));
    sut.write((b) => payForRequest({ id: 'r1', payer: 'city', volunteerId: 'v1' }, 120, b));
    expect(sut.balances.get(volunteerAccount('v1'))).toBe(60);
  });

  it('gives an abandoned request’s coins back to its payer', () => {
    sut.write((b) => holdForRequest({ id: 'r0', payer: 'city', minutes: 120 }, b));
    sut.write((b) => payForRequest({ id: 'r0', payer: 'city', volunteerId: 'v1' }, 120, b));
    sut.write((b) => holdForRequest({ id: 'r1', payer: volunteerAccount('v1'), minutes: 90 }, b));
    expect(sut.balances.get(volunteerAccount('v1'))).toBe(30);
    sut.write((b) => releaseRequest({ id: 'r1', payer: volunteerAccount('v1') }, b));
    expect(sut.balances.get(volunteerAccount('v1'))).toBe(120);
    expect(sut.balances.get(escrowAccount('r1'))).toBe(0);
  });

  it('refuses to spend or give coins a volunteer does not hold, and writes nothing', () => {
    expect(
      codeOf(() => sut.write((b) => holdForRequest({ id: 'r1', payer: volunteerAccount('v1'), minutes: 1 }, b))),
    ).toBe('time-coins-insufficient');
    expect(codeOf(() => sut.write((b) => giveCoins({ volunteerId: 'v1', elderId: 'e1', minutes: 60 }, b)))).toBe(
      'time-coins-insufficient',
    );
    expect(sut.movements).toEqual([]);
  });

  it('refuses amounts that are not whole positive minutes', () => {
    expect(codeOf(() => holdForRequest({ id: 'r1', payer: 'city', minutes: 0 }, new Map()))).toBe('time-coins-invalid');
    expect(codeOf(() => holdForRequest({ id: 'r1', payer: 'city', minutes: 1.5 }, new Map()))).toBe(
      'time-coins-invalid',
    );
    expect(codeOf(() => giveCoins({ volunteerId: 'v1', elderId: 'e1', minutes: -60 }, new Map()))).toBe(
      'time-coins-invalid',
    );
  });

  it('moves a gift from the volunteer to the elder, who spends it on a request', () => {
    sut.write((b) => holdForRequest({ id: 'r0', payer: 'city', minutes: 120 }, b));
    sut.write((b) => payForRequest({ id: 'r0', payer: 'city', volunteerId: 'v1' }, 120, b));
    sut.write((b) => giveCoins({ volunteerId: 'v1', elderId: 'mum', minutes: 60 }, b));
    sut.write((b) => holdForRequest({ id: 'r1', payer: elderAccount('mum'), minutes: 60 }, b));
    sut.write((b) => payForRequest({ id: 'r1', payer: elderAccount('mum'), volunteerId: 'v2' }, 45, b));
    expect(sut.balances.get(volunteerAccount('v1'))).toBe(60);
    expect(sut.balances.get(elderAccount('mum'))).toBe(15);
    expect(sut.balances.get(volunteerAccount('v2'))).toBe(45);
  });

  it('reverses a movement by a new one, leaving the original as written', () => {
    sut.write((b) => holdForRequest({ id: 'r0', payer: 'city', minutes: 60 }, b));
    const pay = sut.write((b) => payForRequest({ id: 'r0', payer: 'city', volunteerId: 'v1' }, 60, b));
    const written = structuredClone(pay);
    const reversal = sut.write((b) => reverseMovement(pay, b));
    expect(reversal.kind).toBe('reversal');
    expect(pay).toEqual(written);
    expect(sut.movements).toHaveLength(3);
    expect(sut.balances.get(volunteerAccount('v1'))).toBe(0);
    expect(sut.balances.get(escrowAccount('r0'))).toBe(60);
  });

  it('refuses a reversal of coins that have moved on, of a hold or release, and of a reversal', () => {
    sut.write((b) => holdForRequest({ id: 'r0', payer: 'city', minutes: 60 }, b));
    const pay = sut.write((b) => payForRequest({ id: 'r0', payer: 'city', volunteerId: 'v1' }, 60, b));
    sut.write((b) => giveCoins({ volunteerId: 'v1', elderId: 'mum', minutes: 30 }, b));
    expect(codeOf(() => reverseMovement(pay, sut.balances))).toBe('time-coins-insufficient');
    const gift = sut.movements[2];
    const back = sut.write((b) => reverseMovement(gift, b));
    expect(codeOf(() => reverseMovement(back, sut.balances))).toBe('time-coins-not-reversible');
    expect(codeOf(() => reverseMovement(sut.movements[0], sut.balances))).toBe('time-coins-not-reversible');
  });

  it('keeps every movement summing to zero, and no account but the city’s below zero, under any sequence', () => {
    const volunteers = ['v1', 'v2', 'v3'];
    const elders = ['e1', 'e2'];
    for (let seed = 1; seed <= 15; seed += 1) {
      const draw = draws(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(draw() * items.length)];
      const journal = new Journal();
      const held = new Map<string, TimeCoinAccount>();
      for (let step = 0; step < 60; step += 1) {
        const minutes = 1 + Math.floor(draw() * 150);
        const op = pick(['hold', 'pay', 'release', 'give', 'reverse'] as const);
        const payers: TimeCoinAccount[] = ['city', ...volunteers.map(volunteerAccount), ...elders.map(elderAccount)];
        try {
          if (op === 'hold') {
            const id = `r${step}`;
            const payer = pick(payers);
            journal.write((b) => holdForRequest({ id, payer, minutes }, b));
            held.set(id, payer);
          } else if (op === 'pay' && held.size > 0) {
            const [id, payer] = pick([...held]);
            journal.write((b) => payForRequest({ id, payer, volunteerId: pick(volunteers) }, minutes, b));
            held.delete(id);
          } else if (op === 'release' && held.size > 0) {
            const [id, payer] = pick([...held]);
            journal.write((b) => releaseRequest({ id, payer }, b));
            held.delete(id);
          } else if (op === 'give') {
            journal.write((b) => giveCoins({ volunteerId: pick(volunteers), elderId: pick(elders), minutes }, b));
          } else if (op === 'reverse' && journal.movements.length > 0) {
            const original = pick(journal.movements);
            journal.write((b) => reverseMovement(original, b));
          }
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
        }
        for (const movement of journal.movements)
          expect(movement.entries.reduce((sum, entry) => sum + entry.amount, 0)).toBe(0);
        const balances = journal.balances;
        expect([...balances.values()].reduce((sum, amount) => sum + amount, 0)).toBe(0);
        for (const [account, amount] of balances) if (account !== 'city') expect(amount).toBeGreaterThanOrEqual(0);
      }
    }
  });
});
