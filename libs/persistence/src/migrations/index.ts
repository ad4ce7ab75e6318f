import { CreateDeviceRegistry1763884800000 } from './1763884800000-create-device-registry';
import { CreateAlerts1763971200000 } from './1763971200000-create-alerts';
import { CreateConsole1764057600000 } from './1764057600000-create-console';
import { CreateCareCalls1764144000000 } from './1764144000000-create-care-calls';
import { CreateHomeCare1764230400000 } from './1764230400000-create-home-care';
import { AddDeviceBrokerGrantsVersion1764320400000 } from './1764320400000-add-device-broker-grants-version';
import { AddVisitExceptions1764412200000 } from './1764412200000-add-visit-exceptions';
import { CreateJobOutbox1796551329434 } from './1796551329434-create-job-outbox';
import { CreateBookings1796550522101 } from './1796550522101-create-bookings';
import { CreateCanteens1796551821880 } from './1796551821880-create-canteens';
import { CreateFaceEnrolments1796554001294 } from './1796554001294-create-face-enrolments';
import { CreateReportArchive1796550504621 } from './1796550504621-create-report-archive';
import { AddMapLayers1796551856600 } from './1796551856600-add-map-layers';
import { CreateTimeBank1796550613249 } from './1796550613249-create-time-bank';
import { CreateRiskVisits1796552096032 } from './1796552096032-create-risk-visits';
import { CreateHomeAdaptation1796553269325 } from './1796553269325-create-home-adaptation';
import { AddCanteenPositions1796556764465 } from './1796556764465-add-canteen-positions';
import { AddMealOrders1796561669903 } from './1796561669903-add-meal-orders';
import { AddAdaptationContractors1796561689677 } from './1796561689677-add-adaptation-contractors';
import { AddBedMatDeviceType1796561714979 } from './1796561714979-add-bed-mat-device-type';
import { CreateFaceChecks1796561726089 } from './1796561726089-create-face-checks';
import { AddAlertReplayStamps1796562601726 } from './1796562601726-add-alert-replay-stamps';
import { CreateMealCards1796562741006 } from './1796562741006-create-meal-cards';
import { CreateCareBeds1796563268723 } from './1796563268723-create-care-beds';

/** In order; run on every start (never `synchronize`). */
export const MIGRATIONS = [
  CreateDeviceRegistry1763884800000,
  CreateAlerts1763971200000,
  CreateConsole1764057600000,
  CreateCareCalls1764144000000,
  CreateHomeCare1764230400000,
  AddDeviceBrokerGrantsVersion1764320400000,
  AddVisitExceptions1764412200000,
  CreateReportArchive1796550504621,
  CreateBookings1796550522101,
  CreateTimeBank1796550613249,
  CreateJobOutbox1796551329434,
  CreateCanteens1796551821880,
  AddMapLayers1796551856600,
  CreateRiskVisits1796552096032,
  CreateHomeAdaptation1796553269325,
  CreateFaceEnrolments1796554001294,
  AddCanteenPositions1796556764465,
  AddMealOrders1796561669903,
  AddAdaptationContractors1796561689677,
  AddBedMatDeviceType1796561714979,
  CreateFaceChecks1796561726089,
  AddAlertReplayStamps1796562601726,
  CreateMealCards1796562741006,
  CreateCareBeds1796563268723,
];
