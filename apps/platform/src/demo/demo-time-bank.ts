import {
  escrowAccount,
  giveCoins,
  holdForRequest,
  payForRequest,
  residentIdCheckCharacter,
  volunteerAccount,
  type TimeCoinAccount,
  type VolunteerService,
} from '@eldercare/domain';
import {
  TimeCoinLedgerRepository,
  UserRepository,
  VolunteerRepository,
  VolunteerRequestRepository,
} from '@eldercare/persistence';
import { hashSecret } from '@eldercare/secrets';
import type { DataSource } from 'typeorm';
import { DEMO_PASSWORD } from './demo-accounts';

/** The demo's volunteers: sign-in, name, birth date (YYYYMMDD), and the visits each has made (minutes). */
const DEMO_VOLUNTEERS: readonly { username: string; name: string; born: string; served: number[] }[] = [
  { username: 'volunteer', name: '李晓梅', born: '19920315', served: [60, 90, 60, 120] },
  { username: 'volunteer2', name: '王建军', born: '19850622', served: [60, 60] },
  { username: 'volunteer3', name: '张婷', born: '20010908', served: [45, 60, 60, 60, 90, 120] },
  { username: 'volunteer4', name: '刘国庆', born: '19791001', served: [] },
];

const SERVICES: readonly VolunteerService[] = ['companionship', 'chat', 'errand', 'phone-help', 'reading', 'escort'];

function idNumber(born: string, sequence: number): string {
  const first17 = `360102${born}${String(100 + sequence)}`;
  return first17 + residentIdCheckCharacter(first17);
}

/**
 * Seeds the demo's time bank once: volunteers approved by the demo supervisor with past visits confirmed and paid (so
 * they hold coins), one gift to a parent, and open requests for the volunteers to take. Written through the same
 * ledger rules as the api.
 */
export async function ensureDemoTimeBank(dataSource: DataSource): Promise<void> {
  const volunteers = new VolunteerRepository(dataSource);
  const requests = new VolunteerRequestRepository(dataSource);
  const ledger = new TimeCoinLedgerRepository(dataSource);
  const users = new UserRepository(dataSource);
  const [{ count }]: { count: number }[] = await dataSource.query('SELECT count(*)::int AS count FROM volunteers');
  const staff = await users.findByUsername('supervisor');
  if (count > 0 || !staff) return;
  const elders: { id: string; community_id: string }[] = await dataSource.query(
    `SELECT e.id, e.community_id FROM elders e ORDER BY e.created_at, e.id LIMIT 40`,
  );
  if (elders.length === 0) return;
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  const now = Date.now();
  let visit = 0;
  for (const [index, demo] of DEMO_VOLUNTEERS.entries()) {
    const home = elders[(index * 7) % elders.length];
    const volunteerId = await volunteers.register({
      name: demo.name,
      idNumber: idNumber(demo.born, index),
      birthDate: `${demo.born.slice(0, 4)}-${demo.born.slice(4, 6)}-${demo.born.slice(6)}`,
      phone: `1390791${String(1000 + index)}`,
      communityId: home.community_id,
      elderId: null,
      trainedOn: '2026-03-15',
      registeredBy: staff.id,
    });
    if (!volunteerId) continue;
    await volunteers.inVolunteerTransaction(volunteerId, async (manager) => {
      await volunteers.recordIdCheck(manager, volunteerId, staff.id, new Date(now - 60 * 86_400_000));
      await volunteers.approve(manager, volunteerId, {
        username: demo.username,
        displayName: demo.name,
        passwordHash,
        by: staff.id,
        at: new Date(now - 59 * 86_400_000),
      });
    });
    for (const minutes of demo.served) {
      visit += 1;
      const elder = elders[visit % elders.length];
      const startsAt = new Date(now - (2 + visit) * 86_400_000);
      await requests.inTransaction(async (manager) => {
        const id = await requests.insert(manager, {
          elderId: elder.id,
          service: SERVICES[visit % SERVICES.length],
          startsAt,
          minutes,
          note: '',
          payer: 'city',
          requestedBy: staff.id,
        });
        const request = { id, payer: 'city' as TimeCoinAccount, volunteerId };
        await ledger.write(manager, [escrowAccount(id)], (b) => holdForRequest({ ...request, minutes }, b), {
          requestId: id,
          authorId: staff.id,
        });
        await requests.apply(manager, id, {
          status: 'confirmed',
          volunteerId,
          takenAt: startsAt,
          checkedInAt: startsAt,
          checkedOutAt: new Date(startsAt.getTime() + minutes * 60_000),
          visitNote: '陪伴聊天，帮忙整理药盒',
          servedMinutes: minutes,
          confirmedBy: staff.id,
          confirmedAt: new Date(startsAt.getTime() + 2 * 3_600_000),
        });
        await ledger.write(manager, [escrowAccount(id)], (b) => payForRequest(request, minutes, b), {
          requestId: id,
          authorId: staff.id,
        });
      });
    }
  }
  const first = await volunteers.findByUser((await users.findByUsername('volunteer'))?.id ?? '');
  if (first)
    await ledger.inTransaction((manager) =>
      ledger.write(
        manager,
        [volunteerAccount(first.id)],
        (b) => giveCoins({ volunteerId: first.id, elderId: elders[3 % elders.length].id, minutes: 60 }, b),
        { relation: 'parent', authorId: first.userId },
      ),
    );
  for (const [index, elder] of elders.slice(0, 5).entries())
    await requests.inTransaction(async (manager) => {
      const minutes = 60;
      const id = await requests.insert(manager, {
        elderId: elder.id,
        service: SERVICES[index % SERVICES.length],
        startsAt: new Date(now + (index + 1) * 86_400_000),
        minutes,
        note: index === 0 ? '老人想学用手机和子女视频' : '',
        payer: 'city',
        requestedBy: staff.id,
      });
      await ledger.write(manager, [escrowAccount(id)], (b) => holdForRequest({ id, payer: 'city', minutes }, b), {
        requestId: id,
        authorId: staff.id,
      });
    });
}
