import { DomainError, isFaceEmbedding, MEAL_CARD_RANDOM_BYTES, mealCardCodeOf } from '@eldercare/domain';
import { AuditRepository, CanteenRepository } from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Viewer } from '../auth/viewer';
import { ElderAccessService } from '../elders/elder-access.service';
import { FaceModel } from './face-model';

/**
 * How the canteen's counter knows an elder, as the enrolment desk sets it up. Staff enrol a face after checking the
 * ID: a photo the api describes with the terminal's model (the photo itself is not kept), or a descriptor; the
 * descriptor is never given out to anyone; withdrawing consent deletes it. For an elder who cannot use the face check,
 * staff issue a QR card carrying a random code (never the record id); reissuing it voids the old one. Audited.
 */
@Injectable()
export class FacesService {
  constructor(
    private readonly canteens: CanteenRepository,
    private readonly elderAccess: ElderAccessService,
    private readonly audit: AuditRepository,
    private readonly faceModel: FaceModel,
  ) {}

  async status(viewer: Viewer, elderId: string): Promise<{ enrolled: boolean; enrolledAt: string | null }> {
    await this.elderAccess.elderInScope(viewer, elderId);
    const at = await this.canteens.faceEnrolledAt(elderId);
    return { enrolled: at !== undefined, enrolledAt: at?.toISOString() ?? null };
  }

  async enrol(viewer: Viewer, elderId: string, face: { photo?: string; embedding?: number[] }): Promise<void> {
    await this.elderAccess.elderInScope(viewer, elderId);
    const embedding = face.photo
      ? (await this.faceModel.describe(Buffer.from(face.photo, 'base64'))).descriptor
      : (face.embedding ?? []);
    if (!isFaceEmbedding(embedding))
      throw new DomainError('face-embedding-invalid', 'a face descriptor is 128 finite numbers');
    await this.canteens.enrolFace(elderId, embedding, viewer.id);
    await this.audit.append({
      userId: viewer.id,
      action: 'face.enrol',
      elderId,
      subject: `elder:${elderId}`,
      detail: { from: face.photo ? 'photo' : 'descriptor' },
    });
  }

  /** Consent withdrawn: the descriptor is deleted, and the terminal no longer knows the face. */
  async withdraw(viewer: Viewer, elderId: string): Promise<void> {
    await this.elderAccess.elderInScope(viewer, elderId);
    if (!(await this.canteens.deleteFace(elderId)))
      throw new DomainError('face-not-enrolled', 'this elder has no face enrolled');
    await this.audit.append({ userId: viewer.id, action: 'face.withdraw', elderId, subject: `elder:${elderId}` });
  }

  /** Issues (or reissues) the elder's QR card: answers the code to print on it, once. */
  async issueCard(viewer: Viewer, elderId: string): Promise<{ code: string }> {
    await this.elderAccess.elderInScope(viewer, elderId);
    const code = mealCardCodeOf(randomBytes(MEAL_CARD_RANDOM_BYTES));
    await this.canteens.issueMealCard(elderId, code, viewer.id);
    await this.audit.append({ userId: viewer.id, action: 'meal-card.issue', elderId, subject: `elder:${elderId}` });
    return { code };
  }
}
