import { CreateDeviceRegistry1763884800000 } from './1763884800000-create-device-registry';

/** In order; run on every start (never `synchronize`). */
export const MIGRATIONS = [CreateDeviceRegistry1763884800000];
