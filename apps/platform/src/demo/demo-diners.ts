import { FacesService, viewerOf, type Viewer } from '@eldercare/api';
import { UserRepository } from '@eldercare/persistence';
import { cameraView, jpegOf, sampleFaces } from '@eldercare/sample-faces';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

/** How many demo elders have a face enrolled: the largest faces of the sample photos in `@vladmandic/face-api`. */
export const DEMO_ENROLLED_FACES = 4;

/** The demo account that stands at the enrolment desk (audited as the one who enrolled and issued). */
const DEMO_ENROLLER = 'admin';

/** The elders of the demo canteens' communities, in a stable order: the first ones get the faces. */
async function canteenCommunityElders(dataSource: DataSource): Promise<string[]> {
  const rows: { id: string }[] = await dataSource.query(
    `SELECT e.id FROM elders e JOIN regions c ON c.id = e.community_id
     WHERE e.community_id IN (SELECT community_id FROM canteens)
     ORDER BY c.code, e.id_number NULLS LAST, e.id`,
  );
  return rows.map((row) => row.id);
}

async function enroller(dataSource: DataSource): Promise<Viewer | undefined> {
  const user = await new UserRepository(dataSource).findByUsername(DEMO_ENROLLER);
  return user && viewerOf(user);
}

/**
 * Issues a meal card (the counter's fallback when a face does not match) to every elder of the demo canteens'
 * communities who has none, through the enrolment desk's service. Answers how many were issued.
 */
export async function ensureDemoMealCards(dataSource: DataSource, faces: FacesService): Promise<number> {
  const viewer = await enroller(dataSource);
  if (!viewer) return 0;
  const carded: { elder_id: string }[] = await dataSource.query('SELECT elder_id FROM meal_cards');
  const has = new Set(carded.map((row) => row.elder_id));
  const missing = (await canteenCommunityElders(dataSource)).filter((elderId) => !has.has(elderId));
  for (const elderId of missing) await faces.issueCard(viewer, elderId);
  return missing.length;
}

/**
 * Enrols the faces of the first {@link DEMO_ENROLLED_FACES} elders of the demo canteens' communities, one sample
 * photo's face each, through the enrolment desk's service (the model describes each photo in its own thread, about
 * 1–2 s a face). Once: elders enrolled already are left as they are, and with all enrolled no photo is read. Finding
 * the faces in the sample photos runs the detector on this thread for a few seconds, so the platform starts it after
 * it is up; `signal` stops it between faces when the platform stops. Answers how many were enrolled now.
 */
export async function ensureDemoFaces(
  dataSource: DataSource,
  faces: FacesService,
  logger: Logger,
  signal?: AbortSignal,
): Promise<number> {
  const viewer = await enroller(dataSource);
  const elders = (await canteenCommunityElders(dataSource)).slice(0, DEMO_ENROLLED_FACES);
  const enrolled: { elder_id: string }[] = await dataSource.query(
    'SELECT elder_id FROM face_enrolments WHERE elder_id = ANY($1::uuid[])',
    [elders],
  );
  const has = new Set(enrolled.map((row) => row.elder_id));
  if (!viewer || elders.every((elderId) => has.has(elderId))) return 0;
  const started = Date.now();
  const photos = await sampleFaces(elders.length);
  let count = 0;
  for (const [index, elderId] of elders.entries()) {
    if (signal?.aborted) break;
    if (has.has(elderId) || !photos[index]) continue;
    const photo = jpegOf(cameraView(photos[index], { width: 480, height: 480 })).toString('base64');
    await faces.enrol(viewer, elderId, { photo });
    count++;
  }
  logger.info(`demo faces: ${count} elders enrolled from the sample photos in ${Date.now() - started} ms`);
  return count;
}
