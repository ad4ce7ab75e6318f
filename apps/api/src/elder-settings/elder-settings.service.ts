import {
  DEFAULT_RULE_SETTINGS,
  DomainError,
  mergeRuleSettings,
  type RuleSettings,
  type RuleSettingsOverrides,
} from '@eldercare/domain';
import { AuditRepository, ElderSettingsRepository, type AbsenceRecord } from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';
import { ElderAccessService } from '../elders/elder-access.service';

export interface RuleSettingsView {
  /** What is set for this elder. */
  overrides: Record<string, unknown>;
  /** What the rules use: the defaults with the overrides laid over them. */
  effective: RuleSettings;
  defaults: RuleSettings;
}

/** Per-elder thresholds (vital-sign limits, the safe zone …) and absences, within the viewer's scope. */
@Injectable()
export class ElderSettingsService {
  constructor(
    private readonly elderAccess: ElderAccessService,
    private readonly settings: ElderSettingsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async ruleSettings(viewer: Viewer, elderId: string): Promise<RuleSettingsView> {
    await this.elderAccess.elderInScope(viewer, elderId);
    const overrides = await this.settings.ruleSettings(elderId);
    return {
      overrides,
      effective: mergeRuleSettings(overrides as RuleSettingsOverrides),
      defaults: DEFAULT_RULE_SETTINGS,
    };
  }

  /** Replaces the overrides; refused whole, naming the setting, when any key or value is not one the rules take. */
  async replaceRuleSettings(
    viewer: Viewer,
    elderId: string,
    overrides: Record<string, unknown>,
  ): Promise<RuleSettingsView> {
    await this.elderAccess.elderInScope(viewer, elderId);
    const effective = mergeRuleSettings(overrides as RuleSettingsOverrides);
    await this.settings.replaceRuleSettings(elderId, overrides);
    await this.audit.append({
      userId: viewer.id,
      action: 'elder.rule-settings',
      elderId,
      subject: `elder:${elderId}`,
      detail: { overrides },
    });
    return { overrides, effective, defaults: DEFAULT_RULE_SETTINGS };
  }

  async absences(viewer: Viewer, elderId: string, now = new Date()): Promise<AbsenceRecord[]> {
    await this.elderAccess.elderInScope(viewer, elderId);
    return this.settings.absences(elderId, now);
  }

  async addAbsence(
    viewer: Viewer,
    elderId: string,
    absence: { reason: 'away' | 'hospital'; startsAt: string; endsAt: string },
  ): Promise<AbsenceRecord[]> {
    await this.elderAccess.elderInScope(viewer, elderId);
    await this.settings.addAbsence(elderId, {
      reason: absence.reason,
      startsAt: new Date(absence.startsAt),
      endsAt: new Date(absence.endsAt),
      recordedBy: viewer.id,
    });
    return this.settings.absences(elderId, new Date());
  }

  async endAbsence(viewer: Viewer, elderId: string, absenceId: string, now = new Date()): Promise<void> {
    await this.elderAccess.elderInScope(viewer, elderId);
    if (!(await this.settings.endAbsence(elderId, absenceId, now)))
      throw new DomainError('absence-not-found', 'the elder has no such absence still running');
  }
}
