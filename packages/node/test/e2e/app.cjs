// A CommonJS app with no preloading: Faultline is required and started first, Express after.
const { ErrorTracker, init } = require('@faultline/node');

const faultline = init();
const express = require('express');
const { errorHandler, requestHandler } = require('@faultline/express');

const app = express();
app.use(requestHandler({ alerts: faultline.alerts, scrubber: faultline.scrubber }));
app.get('/orders/:id', (req) => {
  throw new Error(`order ${req.params.id} failed for card 4111 1111 1111 1111`);
});
app.use(errorHandler());

const server = app.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  const response = await fetch(`http://127.0.0.1:${port}/orders/42?api_key=qk-5f4e3d2c1b0a99887766`);
  const handled = ErrorTracker.captureException(new Error('handled in cjs'), { tags: { module: 'cjs' } });
  server.close();
  const closed = await faultline.close(5_000);
  process.stdout.write(`${JSON.stringify({ status: response.status, handled, closed })}\n`);
});
