import { DomainError } from '../errors/domain-error';

/**
 * The time bank's accounts. Coins are counted in minutes of approved service (60 make one time coin) so that a
 * half-hour visit earns half a coin exactly, with whole numbers everywhere.
 * - `city`: the issuer. Its balance is the negative of every coin in circulation or held; only it may go below zero.
 * - `volunteer:<userId>`: what a volunteer earned, less what they spent or gave.
 * - `elder:<elderId>`: coins given to an elder by a child or grandchild, spent on the elder's requests.
 * - `escrow:<requestId>`: what a request holds until its service is confirmed or it is released.
 * STORED OUTSIDE THE CODE: ledger rows keep these account codes. Never change their form.
 */
export type TimeCoinAccount = 'city' | `volunteer:${string}` | `elder:${string}` | `escrow:${string}`;

/** Minutes of service that make one time coin. */
export const MINUTES_PER_COIN = 60;

export const volunteerAccount = (userId: string): TimeCoinAccount => `volunteer:${userId}`;
export const elderAccount = (elderId: string): TimeCoinAccount => `elder:${elderId}`;
export const escrowAccount = (requestId: string): TimeCoinAccount => `escrow:${requestId}`;

/**
 * The kinds of movement.
 * STORED OUTSIDE THE CODE: ledger rows keep these codes. Never rename one.
 */
export const TIME_COIN_MOVEMENTS = ['hold', 'pay', 'release', 'give', 'reversal'] as const;
export type TimeCoinMovement = (typeof TIME_COIN_MOVEMENTS)[number];

/** One line of the journal: what enters an account (positive) or leaves it (negative), in coin minutes. */
export interface LedgerEntry {
  account: TimeCoinAccount;
  amount: number;
}

/** A movement as it is written: entries that sum to zero, written together or not at all. */
export interface JournalMovement {
  kind: TimeCoinMovement;
  entries: readonly LedgerEntry[];
}

/** What the accounts a movement touches hold now, as read (under their locks) from the journal. */
export type Balances = ReadonlyMap<TimeCoinAccount, number>;

/** Each account's balance: the sum of its entries. Balances are never stored, only summed. */
export function balancesOf(entries: Iterable<LedgerEntry>): Map<TimeCoinAccount, number> {
  const balances = new Map<TimeCoinAccount, number>();
  for (const { account, amount } of entries) balances.set(account, (balances.get(account) ?? 0) + amount);
  return balances;
}

/** The entries of one movement from `from` to `to`; none for nothing moved. */
function transfer(from: TimeCoinAccount, to: TimeCoinAccount, amount: number): LedgerEntry[] {
  return amount === 0
    ? []
    : [
        { account: from, amount: -amount },
        { account: to, amount },
      ];
}

function requireWholePositive(minutes: number, what: string): void {
  if (!Number.isInteger(minutes) || minutes <= 0)
    throw new DomainError('time-coins-invalid', `${what} must be a whole positive number of minutes`);
}

/** Refuses a movement that leaves any account but the city's below zero: a coin is never spent twice. */
function requireCovered(entries: readonly LedgerEntry[], balances: Balances): void {
  const after = balancesOf([...[...balances].map(([account, amount]) => ({ account, amount })), ...entries]);
  for (const { account } of entries) {
    const left = after.get(account) ?? 0;
    if (account !== 'city' && left < 0)
      throw new DomainError('time-coins-insufficient', `${account} holds too few coins: it would be left at ${left}`);
  }
}

/** Refuses entries that do not sum to zero: what leaves one account must enter another. */
export function requireBalanced(entries: readonly LedgerEntry[]): void {
  const sum = entries.reduce((total, entry) => total + entry.amount, 0);
  if (entries.length === 0 || sum !== 0 || entries.some((entry) => !Number.isInteger(entry.amount)))
    throw new Error(`a journal movement must have entries of whole minutes that sum to zero, these sum to ${sum}`);
}

function movement(kind: TimeCoinMovement, entries: LedgerEntry[], balances: Balances): JournalMovement {
  requireBalanced(entries);
  requireCovered(entries, balances);
  return { kind, entries };
}

/** What a request holds; refuses one that holds nothing (its coins were paid, released or reversed). */
function heldFor(requestId: string, balances: Balances): number {
  const held = balances.get(escrowAccount(requestId)) ?? 0;
  if (held <= 0) throw new DomainError('time-coins-invalid', `request ${requestId} holds no coins`);
  return held;
}

/** A request holds what it will pay: from its payer (the city, the elder's given coins, a volunteer's own) to escrow. */
export function holdForRequest(
  request: { id: string; payer: TimeCoinAccount; minutes: number },
  balances: Balances,
): JournalMovement {
  requireWholePositive(request.minutes, 'a request');
  return movement('hold', transfer(request.payer, escrowAccount(request.id), request.minutes), balances);
}

/**
 * A confirmed service pays the volunteer its approved minutes from escrow (never more than was held) and gives the
 * rest back to the payer.
 */
export function payForRequest(
  request: { id: string; payer: TimeCoinAccount; volunteerId: string },
  approvedMinutes: number,
  balances: Balances,
): JournalMovement {
  const held = heldFor(request.id, balances);
  const escrow = escrowAccount(request.id);
  if (!Number.isInteger(approvedMinutes) || approvedMinutes < 0)
    throw new DomainError('time-coins-invalid', 'approved minutes must be a whole number, zero or more');
  const paid = Math.min(approvedMinutes, held);
  return movement(
    'pay',
    [...transfer(escrow, volunteerAccount(request.volunteerId), paid), ...transfer(escrow, request.payer, held - paid)],
    balances,
  );
}

/** A cancelled, rejected or abandoned request gives everything it holds back to its payer. */
export function releaseRequest(request: { id: string; payer: TimeCoinAccount }, balances: Balances): JournalMovement {
  return movement(
    'release',
    transfer(escrowAccount(request.id), request.payer, heldFor(request.id, balances)),
    balances,
  );
}

/** A volunteer gives coins to a parent or grandparent, who spends them on services; coins never become money. */
export function giveCoins(
  gift: { volunteerId: string; elderId: string; minutes: number },
  balances: Balances,
): JournalMovement {
  requireWholePositive(gift.minutes, 'a gift');
  return movement(
    'give',
    transfer(volunteerAccount(gift.volunteerId), elderAccount(gift.elderId), gift.minutes),
    balances,
  );
}

/**
 * The movements staff may undo: a payment (the volunteer's coins go back to escrow, and from there to the payer)
 * and a gift. Holds and releases follow a request's life and are undone by its steps; a reversal is not reversed.
 */
export const REVERSIBLE_MOVEMENTS: readonly TimeCoinMovement[] = ['pay', 'give'];

/**
 * Undoes a movement by a new one with every entry negated; the original stays as written. Refused when the coins
 * have moved on since (the reversal would overdraw an account) or the movement is not one staff may undo.
 */
export function reverseMovement(original: JournalMovement, balances: Balances): JournalMovement {
  if (!REVERSIBLE_MOVEMENTS.includes(original.kind))
    throw new DomainError('time-coins-not-reversible', `a ${original.kind} is not reversed by staff`);
  return movement(
    'reversal',
    original.entries.map((entry) => ({ account: entry.account, amount: -entry.amount })),
    balances,
  );
}

/** Minutes shown as coins, to two places: 90 minutes are 1.5 coins. */
export function coinsOf(minutes: number): number {
  return Math.round((minutes / MINUTES_PER_COIN) * 100) / 100;
}
