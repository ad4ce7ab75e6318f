import { bootstrap } from './bootstrap';

bootstrap().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
