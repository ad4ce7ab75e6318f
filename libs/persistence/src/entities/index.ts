import { AlertTriggerEntity } from './alert-trigger.entity';
import { AlertEntity } from './alert.entity';
import { DeviceMessageEntity } from './device-message.entity';
import { DeviceRuleStateEntity } from './device-rule-state.entity';
import { DeviceEntity } from './device.entity';
import { ElderAbsenceEntity } from './elder-absence.entity';
import { ElderEntity } from './elder.entity';
import { RegionEntity } from './region.entity';
import { RejectedMessageEntity } from './rejected-message.entity';
import { UserEntity } from './user.entity';
import { UserRegionEntity } from './user-region.entity';
import { UserElderEntity } from './user-elder.entity';
import { UserSessionEntity } from './user-session.entity';
import { AuditEntryEntity } from './audit-entry.entity';
import { AlertEscalationEntity } from './alert-escalation.entity';
import { AlertCallEntity } from './alert-call.entity';
import { AlertDispatchEntity } from './alert-dispatch.entity';
import { CareCallEntity } from './care-call.entity';
import { ProviderEntity } from './provider.entity';
import { EntitlementRuleEntity } from './entitlement-rule.entity';
import { CarePlanLineEntity } from './care-plan-line.entity';
import { WorkOrderEntity } from './work-order.entity';
import { VisitRatingEntity } from './visit-rating.entity';
import { ComplaintEntity } from './complaint.entity';
import { JobOutboxEntity } from './job-outbox.entity';
import { ServiceOfferEntity } from './service-offer.entity';
import { BookingEntity } from './booking.entity';
import { CanteenEntity } from './canteen.entity';
import { MealSubsidyRuleEntity } from './meal-subsidy-rule.entity';
import { MealTransactionEntity } from './meal-transaction.entity';
import { FaceEnrolmentEntity } from './face-enrolment.entity';
import { MealCardEntity } from './meal-card.entity';
import { FaceCheckEntity } from './face-check.entity';
import { ArchivedReportEntity } from './archived-report.entity';
import { ProviderStationEntity } from './provider-station.entity';
import { VolunteerEntity } from './volunteer.entity';
import { VolunteerRequestEntity } from './volunteer-request.entity';
import { TimeCoinAccountEntity } from './time-coin-account.entity';
import { TimeCoinMovementEntity } from './time-coin-movement.entity';
import { TimeCoinEntryEntity } from './time-coin-entry.entity';
import { VisitFrequencyEntity } from './visit-frequency.entity';
import { ElderPairEntity } from './elder-pair.entity';
import { CareBedEntity } from './care-bed.entity';
import { RiskVisitEntity } from './risk-visit.entity';
import { AdaptationCapEntity } from './adaptation-cap.entity';
import { AdaptationBudgetEntity } from './adaptation-budget.entity';
import { AdaptationCaseEntity } from './adaptation-case.entity';
import { AdaptationCaseStepEntity } from './adaptation-case-step.entity';
import { AdaptationPhotoEntity } from './adaptation-photo.entity';

export {
  AlertTriggerEntity,
  AlertEntity,
  DeviceMessageEntity,
  DeviceRuleStateEntity,
  DeviceEntity,
  ElderAbsenceEntity,
  ElderEntity,
  RegionEntity,
  RejectedMessageEntity,
};
export {
  UserEntity,
  UserRegionEntity,
  UserElderEntity,
  UserSessionEntity,
  AuditEntryEntity,
  AlertEscalationEntity,
  AlertCallEntity,
  AlertDispatchEntity,
  CareCallEntity,
};
export {
  ProviderEntity,
  EntitlementRuleEntity,
  CarePlanLineEntity,
  WorkOrderEntity,
  VisitRatingEntity,
  ComplaintEntity,
  JobOutboxEntity,
  ServiceOfferEntity,
  BookingEntity,
  CanteenEntity,
  MealSubsidyRuleEntity,
  MealTransactionEntity,
  FaceEnrolmentEntity,
  MealCardEntity,
  FaceCheckEntity,
  ArchivedReportEntity,
  ProviderStationEntity,
};
export { VolunteerEntity, VolunteerRequestEntity, TimeCoinAccountEntity, TimeCoinMovementEntity, TimeCoinEntryEntity };
export { VisitFrequencyEntity, ElderPairEntity, RiskVisitEntity, CareBedEntity };
export {
  AdaptationCapEntity,
  AdaptationBudgetEntity,
  AdaptationCaseEntity,
  AdaptationCaseStepEntity,
  AdaptationPhotoEntity,
};
export const ENTITIES = [
  RegionEntity,
  ElderEntity,
  ElderAbsenceEntity,
  DeviceEntity,
  DeviceMessageEntity,
  RejectedMessageEntity,
  DeviceRuleStateEntity,
  AlertEntity,
  AlertTriggerEntity,
  UserEntity,
  UserRegionEntity,
  UserElderEntity,
  UserSessionEntity,
  AuditEntryEntity,
  AlertEscalationEntity,
  AlertCallEntity,
  AlertDispatchEntity,
  CareCallEntity,
  ProviderEntity,
  EntitlementRuleEntity,
  CarePlanLineEntity,
  WorkOrderEntity,
  VisitRatingEntity,
  ComplaintEntity,
  JobOutboxEntity,
  ServiceOfferEntity,
  BookingEntity,
  CanteenEntity,
  MealSubsidyRuleEntity,
  MealTransactionEntity,
  FaceEnrolmentEntity,
  MealCardEntity,
  FaceCheckEntity,
  ArchivedReportEntity,
  ProviderStationEntity,
  VolunteerEntity,
  VolunteerRequestEntity,
  TimeCoinAccountEntity,
  TimeCoinMovementEntity,
  TimeCoinEntryEntity,
  VisitFrequencyEntity,
  ElderPairEntity,
  RiskVisitEntity,
  AdaptationCapEntity,
  AdaptationBudgetEntity,
  AdaptationCaseEntity,
  AdaptationCaseStepEntity,
  AdaptationPhotoEntity,
  CareBedEntity,
];
