import { CreateDeviceRegistry1763884800000 } from './1763884800000-create-device-registry';
import { CreateAlerts1763971200000 } from './1763971200000-create-alerts';

/** In order; run on every start (never `synchronize`). */
export const MIGRATIONS = [CreateDeviceRegistry1763884800000, CreateAlerts1763971200000];
