import { bootstrap } from './bootstrap';

bootstrap()
  .then((platform) => {
    const shutdown = () => {
      platform.stop().finally(() => process.exit(0));
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  })
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
